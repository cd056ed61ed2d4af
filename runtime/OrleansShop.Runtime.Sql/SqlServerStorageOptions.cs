namespace OrleansShop.Runtime.Sql;

/// <summary>SQL Server (and Azure SQL Database) storage over SqlClient's pooled connections. Not verified against a server.</summary>
public sealed class SqlServerStorageOptions : SqlStorageOptions
{
    /// <summary>A SqlClient connection string.</summary>
    public string ConnectionString { get; set; } = "";

    public override void Validate()
    {
        base.Validate();
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new InvalidOperationException($"{nameof(SqlServerStorageOptions)}.{nameof(ConnectionString)} must be set.");
        }

        try
        {
            _ = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(ConnectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new InvalidOperationException(
                $"{nameof(SqlServerStorageOptions)}.{nameof(ConnectionString)} is not a valid SqlClient connection string: {ex.Message}", ex);
        }
    }
}
