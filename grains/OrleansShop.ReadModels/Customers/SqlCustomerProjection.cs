using Microsoft.Extensions.Logging;
using OrleansShop.Grains;
using OrleansShop.ReadModels.Lists;

namespace OrleansShop.ReadModels.Customers;

/// <summary>The customers' projection port over <see cref="CustomerListStore"/>: queued, batched, retried until stored.</summary>
public sealed class SqlCustomerProjection(CustomerListStore store, ILogger<SqlCustomerProjection> logger) : ICustomerProjection, IAsyncDisposable
{
    public ProjectionQueue<CustomerListing> Queue { get; } = new(store.UpsertAsync, c => c.CustomerId, c => c.Version, logger);

    public void Project(CustomerListing listing) => Queue.Enqueue(listing);

    public ValueTask DisposeAsync() => Queue.DisposeAsync();
}
