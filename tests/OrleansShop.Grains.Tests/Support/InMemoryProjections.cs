using System.Collections.Concurrent;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains.Tests.Support;

/// <summary>
/// The silo's order-event and stock-event consumers and the customers' projection port as an in-memory sink: every
/// delivery received, in order. It can be told to fail the next deliveries, as a read model whose database is down.
/// </summary>
internal sealed class InMemoryProjections : IOrderEventConsumer, IStockEventConsumer, ICustomerProjection
{
    private readonly ConcurrentQueue<object> received = new();
    private int failuresLeft;

    public IReadOnlyList<OrderEvent> Orders => [.. received.OfType<OrderEvent>()];

    public IReadOnlyList<StockEvent> Stock => [.. received.OfType<StockEvent>()];

    public IReadOnlyList<CustomerListing> Customers => [.. received.OfType<CustomerListing>()];

    /// <summary>Deliveries refused so far, each with an exception as a consumer whose store is down would throw.</summary>
    public int Refused => Volatile.Read(ref refused);

    private int refused;

    /// <summary>Makes the next <paramref name="count"/> event deliveries throw instead of being recorded.</summary>
    public void FailNext(int count) => Volatile.Write(ref failuresLeft, count);

    public Task ConsumeAsync(OrderEvent orderEvent, CancellationToken cancellationToken) => Receive(orderEvent);

    public Task ConsumeAsync(StockEvent stockEvent, CancellationToken cancellationToken) => Receive(stockEvent);

    public void Project(CustomerListing listing) => received.Enqueue(listing);

    public OrderEvent? LatestOrder(string orderId) => Orders.Where(o => o.Order.Id == orderId).MaxBy(o => o.Sequence);

    private Task Receive(object item)
    {
        if (Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            Interlocked.Increment(ref refused);
            throw new InvalidOperationException("The read model's store is down (test).");
        }

        received.Enqueue(item);
        return Task.CompletedTask;
    }
}
