using Microsoft.Extensions.Logging;
using OrleansShop.Grains;
using OrleansShop.ReadModels.Lists;

namespace OrleansShop.ReadModels.Orders;

/// <summary>The orders' projection port over <see cref="OrderListStore"/>: queued, batched, retried until stored.</summary>
public sealed class SqlOrderProjection(OrderListStore store, ILogger<SqlOrderProjection> logger) : IOrderProjection, IAsyncDisposable
{
    public ProjectionQueue<OrderListing> Queue { get; } = new(store.UpsertAsync, l => l.OrderId, l => l.Version, logger);

    public void Project(OrderListing listing) => Queue.Enqueue(listing);

    public ValueTask DisposeAsync() => Queue.DisposeAsync();
}
