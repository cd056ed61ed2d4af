using System.Collections.Concurrent;

namespace OrleansShop.Grains.Tests.Support;

/// <summary>The grains' projection ports as an in-memory sink: every listing received, and the newest per id.</summary>
internal sealed class InMemoryProjections : IOrderProjection, ICustomerProjection
{
    private readonly ConcurrentQueue<object> received = new();

    public IReadOnlyList<OrderListing> Orders => [.. received.OfType<OrderListing>()];

    public IReadOnlyList<CustomerListing> Customers => [.. received.OfType<CustomerListing>()];

    public void Project(OrderListing listing) => received.Enqueue(listing);

    public void Project(CustomerListing listing) => received.Enqueue(listing);

    public OrderListing? LatestOrder(string orderId) => Orders.Where(o => o.OrderId == orderId).MaxBy(o => o.Version);
}
