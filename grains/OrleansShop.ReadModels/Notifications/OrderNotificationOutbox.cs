using System.Data.Common;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrleansShop.GrainInterfaces;
using OrleansShop.Grains;
using OrleansShop.ReadModels.Lists;

namespace OrleansShop.ReadModels.Notifications;

/// <summary>
/// The outbox of customer notifications (table <c>order_notifications</c>): one row per order event, keyed by its event
/// id, so an event the stream delivers twice is recorded once, with what the mail is to say. The mailer claims due rows,
/// sends them and marks them sent; the grains know nothing of it, which is the point: a consumer added beside the read
/// models.
/// </summary>
/// <remarks>
/// A claim hides its rows for a lease by moving their next attempt into the future, so several silos can drain one
/// outbox (on PostgreSQL a claim also skips rows another silo is claiming) and a silo that dies mid-send leaves its rows
/// to be sent again once the lease is over: at least once, never lost.
/// </remarks>
public sealed class OrderNotificationOutbox : IOrderEventConsumer, IAsyncDisposable
{
    private const string Table = "order_notifications";

    private const string Columns = "event_id, order_id, number, email, status, sequence, recorded_at, deliveries, delivery";

    private const string ProgressColumns = Columns + ", attempts, last_error, last_attempt_at, next_attempt_at";

    private const string Qualified =
        $"{Table}.event_id, order_id, number, email, status, sequence, recorded_at, deliveries, delivery";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Added after the first version of the table; rows recorded before them get the defaults: Skipped, nothing to send.
    private static readonly (string Name, string Definition)[] DeliveryColumns =
    [
        ("content", "TEXT NULL"),
        ("delivery", "TEXT NOT NULL DEFAULT 'skipped'"),
        ("attempts", "INTEGER NOT NULL DEFAULT 0"),
        ("next_attempt_at", "BIGINT NOT NULL DEFAULT 0"),
        ("sent_at", "BIGINT NULL"),
        ("last_error", "TEXT NULL"),
        ("last_attempt_at", "BIGINT NULL"),
    ];

    private readonly ReadModelDatabase database;
    private readonly SchemaGate schema;
    private readonly TimeProvider clock;

    public OrderNotificationOutbox(ReadModelDatabase database, ILogger<OrderNotificationOutbox> logger, TimeProvider? clock = null)
    {
        this.database = database;
        this.clock = clock ?? TimeProvider.System;
        schema = new SchemaGate(CreateSchemaAsync);

        // Keyed by event id, so the queue never merges two events; it only batches their inserts.
        Queue = new ProjectionQueue<RecordedNotification>(InsertAsync, n => n.Notification.EventId, _ => 0, logger);
    }

    internal ProjectionQueue<RecordedNotification> Queue { get; }

    public Task ConsumeAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        var order = orderEvent.Order;
        var notification = new OrderNotification(
            orderEvent.EventId, order.Id, order.Number, order.Email, order.Status, orderEvent.Sequence, clock.GetUtcNow(), Deliveries: 1);
        return Queue.EnqueueAndWaitAsync(new RecordedNotification(notification, OrderNotificationContent.From(order)), cancellationToken);
    }

    /// <summary>The notifications recorded for one order, oldest first.</summary>
    public async Task<IReadOnlyList<OrderNotification>> ForOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync();
        await using var connection = await database.OpenForReadingAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM {Table} WHERE order_id = @order ORDER BY sequence";
        KeysetQuery.Add(command, "@order", orderId);
        var found = new List<OrderNotification>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(Read(reader));
        }

        return found;
    }

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> pending notifications that are due, oldest first, hiding them from other
    /// claims for <paramref name="lease"/>: the caller sends them, then marks each sent, to retry or failed.
    /// </summary>
    public async Task<IReadOnlyList<PendingOrderNotification>> ClaimDueAsync(int batchSize, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        await schema.EnsureAsync();
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        const string Due = $"SELECT event_id FROM {Table} WHERE delivery = 'pending' AND next_attempt_at <= @now ORDER BY next_attempt_at, recorded_at, event_id LIMIT @batch";
        command.CommandText = database.Dialect == ReadModelDialect.Postgres

            // Materialized, so the due rows are chosen once: PostgreSQL may run an IN (...) subquery again for each row
            // it joins, and with SKIP LOCKED each run can pick other rows, claiming more than the batch. The outer
            // conditions are checked again on a row another claim changed meanwhile, so none is claimed twice.
            ? $"""
               WITH due AS MATERIALIZED ({Due} FOR UPDATE SKIP LOCKED)
               UPDATE {Table} SET next_attempt_at = @lease FROM due
               WHERE {Table}.event_id = due.event_id AND delivery = 'pending' AND next_attempt_at <= @now
               RETURNING {Qualified}, content, attempts
               """

            // SQLite: one writer at a time, so the subquery and the update see the same rows.
            : $"UPDATE {Table} SET next_attempt_at = @lease WHERE event_id IN ({Due}) RETURNING {Columns}, content, attempts";
        KeysetQuery.Add(command, "@lease", (now + lease).UtcTicks);
        KeysetQuery.Add(command, "@now", now.UtcTicks);
        KeysetQuery.Add(command, "@batch", batchSize);
        var claimed = new List<PendingOrderNotification>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var content = JsonSerializer.Deserialize<OrderNotificationContent>(reader.GetString(9), Json)
                ?? throw new InvalidDataException($"The notification {reader.GetString(0)} has no content.");
            claimed.Add(new PendingOrderNotification(Read(reader), content, reader.GetInt32(10)));
        }

        return [.. claimed.OrderBy(c => c.Notification.RecordedAt).ThenBy(c => c.Notification.EventId, StringComparer.Ordinal)];
    }

    /// <summary>The mail server accepted the notification: it is never sent again.</summary>
    public Task MarkSentAsync(string eventId, CancellationToken cancellationToken = default) =>
        UpdateAsync(
            "delivery = 'sent', sent_at = @now, last_attempt_at = @now, last_error = NULL",
            [eventId],
            command => KeysetQuery.Add(command, "@now", clock.GetUtcNow().UtcTicks),
            cancellationToken);

    /// <summary>An attempt failed for this notification: one more attempt counted, the next one not before <paramref name="retryAt"/>.</summary>
    public Task RetryLaterAsync(string eventId, string error, DateTimeOffset retryAt, CancellationToken cancellationToken = default) =>
        UpdateAsync(
            "attempts = attempts + 1, next_attempt_at = @at, last_attempt_at = @now, last_error = @error",
            [eventId],
            command =>
            {
                KeysetQuery.Add(command, "@at", retryAt.UtcTicks);
                KeysetQuery.Add(command, "@now", clock.GetUtcNow().UtcTicks);
                KeysetQuery.Add(command, "@error", error);
            },
            cancellationToken);

    /// <summary>The notification is not to be attempted again (the attempt limit, or a permanent refusal); the row stays.</summary>
    public Task GiveUpAsync(string eventId, string error, CancellationToken cancellationToken = default) =>
        UpdateAsync(
            "attempts = attempts + 1, delivery = 'failed', last_attempt_at = @now, last_error = @error",
            [eventId],
            command =>
            {
                KeysetQuery.Add(command, "@now", clock.GetUtcNow().UtcTicks);
                KeysetQuery.Add(command, "@error", error);
            },
            cancellationToken);

    /// <summary>
    /// Claimed notifications that were not attempted (the mail server could not be reached): due again at
    /// <paramref name="retryAt"/>, without an attempt counted against them, since no fault of theirs stopped them.
    /// </summary>
    public Task ReleaseAsync(IReadOnlyCollection<string> eventIds, DateTimeOffset retryAt, CancellationToken cancellationToken = default) =>
        UpdateAsync("next_attempt_at = @at", eventIds, command => KeysetQuery.Add(command, "@at", retryAt.UtcTicks), cancellationToken);

    /// <summary>
    /// One page of the notifications whose delivery is <paramref name="delivery"/>, newest first, with their attempts and
    /// last error: what an administrator looks through.
    /// </summary>
    public async Task<ListPage<OrderNotificationProgress>> PageAsync(
        OrderNotificationDelivery delivery, ListPageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await schema.EnsureAsync();
        await using var connection = await database.OpenForReadingAsync(cancellationToken);
        return await KeysetQuery.PageAsync(
            connection,
            Table,
            ProgressColumns,
            "recorded_at",
            "event_id",
            [new ListFilter("delivery = {0}", [Stored(delivery)])],
            request,
            ReadProgress,
            p => new ListCursor(p.Notification.RecordedAt.UtcTicks, p.Notification.EventId),
            cancellationToken);
    }

    /// <summary>
    /// Puts a failed notification back in the queue, due now with its attempts counted from zero (an administrator's
    /// retry). Only a failed row changes, in one conditional statement: a pending one may be in a mailer's hands under a
    /// lease, and moving its next attempt forward would let a second claim send it while the first still is.
    /// </summary>
    /// <returns>The notification as it is now (pending) and <see cref="OrderNotificationRetry.Retried"/>; else why not, with the row as it is, if any.</returns>
    public async Task<(OrderNotificationRetry Outcome, OrderNotificationProgress? Notification)> RetryAsync(
        string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        await schema.EnsureAsync();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var retry = connection.CreateCommand())
        {
            retry.CommandText =
                $"UPDATE {Table} SET delivery = 'pending', attempts = 0, next_attempt_at = @now WHERE event_id = @event AND delivery = 'failed' RETURNING {ProgressColumns}";
            KeysetQuery.Add(retry, "@now", clock.GetUtcNow().UtcTicks);
            KeysetQuery.Add(retry, "@event", eventId);
            if (await SingleAsync(retry, cancellationToken) is { } retried)
            {
                return (OrderNotificationRetry.Retried, retried);
            }
        }

        await using var find = connection.CreateCommand();
        find.CommandText = $"SELECT {ProgressColumns} FROM {Table} WHERE event_id = @event";
        KeysetQuery.Add(find, "@event", eventId);
        var found = await SingleAsync(find, cancellationToken);
        return (found is null ? OrderNotificationRetry.NotFound : OrderNotificationRetry.NotFailed, found);
    }

    public ValueTask DisposeAsync() => Queue.DisposeAsync();

    private async Task UpdateAsync(string set, IReadOnlyCollection<string> eventIds, Action<DbCommand> parameters, CancellationToken cancellationToken)
    {
        if (eventIds.Count == 0)
        {
            return;
        }

        await schema.EnsureAsync();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"UPDATE {Table} SET {set} WHERE event_id = @event";
        foreach (var eventId in eventIds)
        {
            command.Parameters.Clear();
            parameters(command);
            KeysetQuery.Add(command, "@event", eventId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task InsertAsync(IReadOnlyList<RecordedNotification> recorded, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;

        // A second delivery of an event only counts: it neither changes what was recorded nor sends the mail again.
        command.CommandText =
            $"""
            INSERT INTO {Table} (event_id, order_id, number, email, status, sequence, recorded_at, deliveries, content, delivery, attempts, next_attempt_at)
            VALUES (@event, @order, @number, @email, @status, @sequence, @at, 1, @content, 'pending', 0, 0)
            ON CONFLICT (event_id) DO UPDATE SET deliveries = {Table}.deliveries + 1
            """;
        foreach (var (n, content) in recorded)
        {
            command.Parameters.Clear();
            KeysetQuery.Add(command, "@event", n.EventId);
            KeysetQuery.Add(command, "@order", n.OrderId);
            KeysetQuery.Add(command, "@number", n.Number);
            KeysetQuery.Add(command, "@email", n.Email);
            KeysetQuery.Add(command, "@status", n.Status.ToString());
            KeysetQuery.Add(command, "@sequence", n.Sequence);
            KeysetQuery.Add(command, "@at", n.RecordedAt.UtcTicks);
            KeysetQuery.Add(command, "@content", JsonSerializer.Serialize(content, Json));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<OrderNotificationProgress?> SingleAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadProgress(reader) : null;
    }

    private static OrderNotificationProgress ReadProgress(DbDataReader reader) => new(
        Read(reader),
        reader.GetInt32(9),
        reader.IsDBNull(10) ? null : reader.GetString(10),
        reader.IsDBNull(11) ? null : new DateTimeOffset(reader.GetInt64(11), TimeSpan.Zero),
        new DateTimeOffset(reader.GetInt64(12), TimeSpan.Zero));

    private static string Stored(OrderNotificationDelivery delivery) => delivery.ToString().ToLowerInvariant();

    private static OrderNotification Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        Enum.Parse<OrderStatus>(reader.GetString(4)),
        reader.GetInt32(5),
        new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero),
        reader.GetInt32(7),
        Enum.Parse<OrderNotificationDelivery>(reader.GetString(8), ignoreCase: true));

    private async Task CreateSchemaAsync()
    {
        await using var connection = await database.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText =
                $"""
                CREATE TABLE IF NOT EXISTS {Table} (
                    event_id TEXT PRIMARY KEY, order_id TEXT NOT NULL, number TEXT NOT NULL, email TEXT NOT NULL, status TEXT NOT NULL,
                    sequence INTEGER NOT NULL, recorded_at BIGINT NOT NULL, deliveries INTEGER NOT NULL);
                CREATE INDEX IF NOT EXISTS {Table}_order ON {Table} (order_id, sequence);
                """;
            await create.ExecuteNonQueryAsync();
        }

        var existing = await ColumnsAsync(connection);
        foreach (var (name, definition) in DeliveryColumns.Where(c => !existing.Contains(c.Name)))
        {
            // PostgreSQL: several silos may upgrade the table at once; SQLite has one process per file.
            var ifNotExists = database.Dialect == ReadModelDialect.Postgres ? "IF NOT EXISTS " : string.Empty;
            await using var alter = connection.CreateCommand();
            alter.CommandText = $"ALTER TABLE {Table} ADD COLUMN {ifNotExists}{name} {definition}";
            await alter.ExecuteNonQueryAsync();
        }

        await using var index = connection.CreateCommand();
        index.CommandText = $"CREATE INDEX IF NOT EXISTS {Table}_due ON {Table} (delivery, next_attempt_at)";
        await index.ExecuteNonQueryAsync();
    }

    private static async Task<HashSet<string>> ColumnsAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {Table} WHERE 1 = 0";
        await using var reader = await command.ExecuteReaderAsync();
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    }
}
