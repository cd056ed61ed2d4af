using Microsoft.Extensions.Logging;
using OrleansShop.GrainInterfaces;
using OrleansShop.Grains;
using OrleansShop.ReadModels.Lists;

namespace OrleansShop.ReadModels.Orders;

/// <summary>
/// Keeps the admin order list (<see cref="OrderListStore"/>) from the order events: each event is acknowledged once its
/// listing is stored, in a batch shared with the other events arriving meanwhile; the store keeps the highest sequence,
/// so a redelivered or late event changes nothing.
/// </summary>
public sealed class OrderListProjection(OrderListStore store, ILogger<OrderListProjection> logger) : IOrderEventConsumer, IAsyncDisposable
{
    public ProjectionQueue<OrderListing> Queue { get; } = new(store.UpsertAsync, l => l.OrderId, l => l.Version, logger);

    public Task ConsumeAsync(OrderEvent orderEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        var order = orderEvent.Order;
        return Queue.EnqueueAndWaitAsync(
            new OrderListing(order.Id, order.Number, order.CustomerId, order.Email, order.Status, order.Total, order.PlacedAt, orderEvent.Sequence),
            cancellationToken);
    }

    public ValueTask DisposeAsync() => Queue.DisposeAsync();
}
