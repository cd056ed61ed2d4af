namespace OrleansShop.Runtime.Sql;

/// <summary>PostgreSQL storage over Npgsql's pooled connections.</summary>
public sealed class PostgresStorageOptions : SqlStorageOptions
{
    /// <summary>An Npgsql connection string, e.g. <c>Host=db;Username=shop;Password=...;Database=shop</c>.</summary>
    public string ConnectionString { get; set; } = "";

    public override void Validate()
    {
        base.Validate();
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new InvalidOperationException($"{nameof(PostgresStorageOptions)}.{nameof(ConnectionString)} must be set.");
        }

        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException(
                $"{nameof(PostgresStorageOptions)}.{nameof(ConnectionString)} is not a valid Npgsql connection string: {ex.Message}", ex);
        }
    }
}
