using System.Data.Common;
using System.Globalization;
using OrleansShop.GrainInterfaces;
using OrleansShop.Grains;
using OrleansShop.ReadModels.Lists;

namespace OrleansShop.ReadModels.Orders;

/// <summary>
/// The admin order list in SQL (table <c>admin_order_list</c>), newest first. A row is replaced only by a higher
/// version, so late or repeated updates never roll an order back.
/// </summary>
public sealed class OrderListStore(ReadModelDatabase database)
{
    private const string Table = "admin_order_list";
    private const string Columns = "order_id, number, customer_id, email, status, total_amount, currency, placed_at, version";

    private readonly SchemaGate schema = new(() => CreateSchemaAsync(database));

    public async Task UpsertAsync(IReadOnlyList<OrderListing> listings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listings);
        await schema.EnsureAsync();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"""
            INSERT INTO {Table} ({Columns}, email_key)
            VALUES (@id, @number, @customer, @email, @status, @amount, @currency, @placed, @version, @emailKey)
            ON CONFLICT (order_id) DO UPDATE SET
                number = excluded.number, customer_id = excluded.customer_id, email = excluded.email, email_key = excluded.email_key,
                status = excluded.status, total_amount = excluded.total_amount, currency = excluded.currency,
                placed_at = excluded.placed_at, version = excluded.version
            WHERE {Table}.version < excluded.version
            """;
        foreach (var listing in listings)
        {
            command.Parameters.Clear();
            KeysetQuery.Add(command, "@id", listing.OrderId);
            KeysetQuery.Add(command, "@number", listing.Number);
            KeysetQuery.Add(command, "@customer", listing.CustomerId);
            KeysetQuery.Add(command, "@email", listing.Email);
            KeysetQuery.Add(command, "@emailKey", listing.Email.ToUpperInvariant());
            KeysetQuery.Add(command, "@status", listing.Status.ToString());
            KeysetQuery.Add(command, "@amount", listing.Total.Amount.ToString(CultureInfo.InvariantCulture));
            KeysetQuery.Add(command, "@currency", listing.Total.Currency);
            KeysetQuery.Add(command, "@placed", listing.PlacedAt.UtcTicks);
            KeysetQuery.Add(command, "@version", listing.Version);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ListPage<OrderListing>> PageAsync(OrderListFilter filter, ListPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(request);
        await schema.EnsureAsync();
        var filters = new List<ListFilter>();
        if (filter.Statuses is { Count: > 0 } statuses)
        {
            var values = statuses.Distinct().Select(s => (object)s.ToString()).ToList();
            filters.Add(new ListFilter($"status IN ({string.Join(", ", values.Select((_, i) => "{" + i.ToString(CultureInfo.InvariantCulture) + "}"))})", values));
        }

        if (!string.IsNullOrWhiteSpace(filter.CustomerEmail))
        {
            filters.Add(new ListFilter("email_key = {0}", [filter.CustomerEmail.Trim().ToUpperInvariant()]));
        }

        if (filter.PlacedAfter is { } after)
        {
            filters.Add(new ListFilter("placed_at >= {0}", [after.UtcTicks]));
        }

        if (filter.PlacedBefore is { } before)
        {
            filters.Add(new ListFilter("placed_at < {0}", [before.UtcTicks]));
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await KeysetQuery.PageAsync(connection, Table, Columns, "placed_at", "order_id", filters, request, Read, l => new ListCursor(l.PlacedAt.UtcTicks, l.OrderId), cancellationToken);
    }

    private static OrderListing Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.GetString(3),
        Enum.Parse<OrderStatus>(reader.GetString(4)),
        new Money(decimal.Parse(reader.GetString(5), CultureInfo.InvariantCulture), reader.GetString(6)),
        new DateTimeOffset(reader.GetInt64(7), TimeSpan.Zero),
        reader.GetInt64(8));

    private static async Task CreateSchemaAsync(ReadModelDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"""
            CREATE TABLE IF NOT EXISTS {Table} (
                order_id TEXT PRIMARY KEY, number TEXT NOT NULL, customer_id TEXT, email TEXT NOT NULL, email_key TEXT NOT NULL,
                status TEXT NOT NULL, total_amount TEXT NOT NULL, currency TEXT NOT NULL, placed_at BIGINT NOT NULL, version BIGINT NOT NULL);
            CREATE INDEX IF NOT EXISTS {Table}_placed ON {Table} (placed_at, order_id);
            CREATE INDEX IF NOT EXISTS {Table}_email ON {Table} (email_key, placed_at);
            CREATE INDEX IF NOT EXISTS {Table}_status ON {Table} (status, placed_at);
            """;
        await command.ExecuteNonQueryAsync();
    }
}
