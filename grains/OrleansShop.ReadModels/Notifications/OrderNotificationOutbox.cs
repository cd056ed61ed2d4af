using System.Data.Common;
using Microsoft.Extensions.Logging;
using OrleansShop.GrainInterfaces;
using OrleansShop.Grains;
using OrleansShop.ReadModels.Lists;

namespace OrleansShop.ReadModels.Notifications;

/// <summary>
/// The outbox of customer notifications (table <c>order_notifications</c>): one row per order event, keyed by its event
/// id, so an event the stream delivers twice is recorded once. A mailer reads the rows it has not sent; the grains know
/// nothing of it, which is the point: a consumer added beside the read models.
/// </summary>
public sealed class OrderNotificationOutbox : IOrderEventConsumer, IAsyncDisposable
{
    private const string Table = "order_notifications";

    private readonly ReadModelDatabase database;
    private readonly SchemaGate schema;
    private readonly TimeProvider clock;

    public OrderNotificationOutbox(ReadModelDatabase database, ILogger<OrderNotificationOutbox> logger, TimeProvider? clock = null)
    {
        this.database = database;
        this.clock = clock ?? TimeProvider.System;
        schema = new SchemaGate(CreateSchemaAsync);

        // Keyed by event id, so the queue never merges two events; it only batches their inserts.
        Queue = new ProjectionQueue<OrderNotification>(InsertAsync, n => n.EventId, _ => 0, logger);
    }

    public ProjectionQueue<OrderNotification> Queue { get; }

    public Task ConsumeAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        var order = orderEvent.Order;
        var notification = new OrderNotification(
            orderEvent.EventId, order.Id, order.Number, order.Email, order.Status, orderEvent.Sequence, clock.GetUtcNow(), Deliveries: 1);
        return Queue.EnqueueAndWaitAsync(notification, cancellationToken);
    }

    /// <summary>The notifications recorded for one order, oldest first.</summary>
    public async Task<IReadOnlyList<OrderNotification>> ForOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync();
        await using var connection = await database.OpenForReadingAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT event_id, order_id, number, email, status, sequence, recorded_at, deliveries FROM {Table} WHERE order_id = @order ORDER BY sequence";
        KeysetQuery.Add(command, "@order", orderId);
        var found = new List<OrderNotification>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(Read(reader));
        }

        return found;
    }

    public ValueTask DisposeAsync() => Queue.DisposeAsync();

    private async Task InsertAsync(IReadOnlyList<OrderNotification> notifications, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"""
            INSERT INTO {Table} (event_id, order_id, number, email, status, sequence, recorded_at, deliveries)
            VALUES (@event, @order, @number, @email, @status, @sequence, @at, 1)
            ON CONFLICT (event_id) DO UPDATE SET deliveries = {Table}.deliveries + 1
            """;
        foreach (var n in notifications)
        {
            command.Parameters.Clear();
            KeysetQuery.Add(command, "@event", n.EventId);
            KeysetQuery.Add(command, "@order", n.OrderId);
            KeysetQuery.Add(command, "@number", n.Number);
            KeysetQuery.Add(command, "@email", n.Email);
            KeysetQuery.Add(command, "@status", n.Status.ToString());
            KeysetQuery.Add(command, "@sequence", n.Sequence);
            KeysetQuery.Add(command, "@at", n.RecordedAt.UtcTicks);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static OrderNotification Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        Enum.Parse<OrderStatus>(reader.GetString(4)),
        reader.GetInt32(5),
        new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero),
        reader.GetInt32(7));

    private async Task CreateSchemaAsync()
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"""
            CREATE TABLE IF NOT EXISTS {Table} (
                event_id TEXT PRIMARY KEY, order_id TEXT NOT NULL, number TEXT NOT NULL, email TEXT NOT NULL, status TEXT NOT NULL,
                sequence INTEGER NOT NULL, recorded_at BIGINT NOT NULL, deliveries INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS {Table}_order ON {Table} (order_id, sequence);
            """;
        await command.ExecuteNonQueryAsync();
    }
}
