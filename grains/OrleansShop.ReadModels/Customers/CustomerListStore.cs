using System.Data.Common;
using OrleansShop.Grains;
using OrleansShop.ReadModels.Lists;

namespace OrleansShop.ReadModels.Customers;

/// <summary>
/// The admin customer list in SQL (table <c>admin_customer_list</c>), newest first, searchable by email and display
/// name; a row is replaced only by a higher version.
/// </summary>
public sealed class CustomerListStore(ReadModelDatabase database)
{
    private const string Table = "admin_customer_list";
    private const string Columns = "customer_id, email, display_name, created_at, version";

    private readonly SchemaGate schema = new(() => CreateSchemaAsync(database));

    public async Task UpsertAsync(IReadOnlyList<CustomerListing> listings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listings);
        await schema.EnsureAsync();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"""
            INSERT INTO {Table} ({Columns}, search_text)
            VALUES (@id, @email, @name, @created, @version, @search)
            ON CONFLICT (customer_id) DO UPDATE SET
                email = excluded.email, display_name = excluded.display_name, search_text = excluded.search_text,
                created_at = excluded.created_at, version = excluded.version
            WHERE {Table}.version < excluded.version
            """;
        foreach (var listing in listings)
        {
            command.Parameters.Clear();
            KeysetQuery.Add(command, "@id", listing.CustomerId);
            KeysetQuery.Add(command, "@email", listing.Email);
            KeysetQuery.Add(command, "@name", listing.DisplayName);
            KeysetQuery.Add(command, "@created", listing.CreatedAt.UtcTicks);
            KeysetQuery.Add(command, "@version", listing.Version);
            KeysetQuery.Add(command, "@search", (listing.Email + "\n" + listing.DisplayName).ToUpperInvariant());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Customers whose email or display name contains <paramref name="search"/> (any case), newest first.</summary>
    public async Task<ListPage<CustomerListing>> PageAsync(string? search, ListPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await schema.EnsureAsync();
        var filters = new List<ListFilter>();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var escaped = search.Trim().ToUpperInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            filters.Add(new ListFilter("search_text LIKE {0} ESCAPE '\\'", ["%" + escaped + "%"]));
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await KeysetQuery.PageAsync(connection, Table, Columns, "created_at", "customer_id", filters, request, Read, c => new ListCursor(c.CreatedAt.UtcTicks, c.CustomerId), cancellationToken);
    }

    private static CustomerListing Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
        reader.GetInt64(4));

    private static async Task CreateSchemaAsync(ReadModelDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"""
            CREATE TABLE IF NOT EXISTS {Table} (
                customer_id TEXT PRIMARY KEY, email TEXT NOT NULL, display_name TEXT NOT NULL, search_text TEXT NOT NULL,
                created_at BIGINT NOT NULL, version BIGINT NOT NULL);
            CREATE INDEX IF NOT EXISTS {Table}_created ON {Table} (created_at, customer_id);
            """;
        await command.ExecuteNonQueryAsync();
    }
}
