using OrleansShop.GrainInterfaces;
using OrleansShop.Grains.Tests.Support;

namespace OrleansShop.Grains.Tests;

/// <summary>The domain-event streams between the grains and the silo's consumers: at least once, in order.</summary>
public sealed class DomainEventTests
{
    [Fact]
    public async Task A_consumer_that_fails_gets_the_event_again_and_the_order_of_events_holds()
    {
        await using var silo = await ShopSilo.StartAsync();
        var shoe = await silo.CreateProductAsync(10m, stock: 10);
        await silo.Cart("cart-1").AddItemAsync(shoe, 1);
        silo.Projections.FailNext(2);

        var order = (await silo.CheckoutAsync("cart-1")).Value!;
        await silo.Order(order.Id).PayAsync(new PaymentRequest(PaymentMethod.Card, "tok_ok", "pay-1"));

        await Eventually.HoldsAsync(() => Task.FromResult(silo.Projections.LatestOrder(order.Id)?.Order.Status == OrderStatus.Paid), "the paid event");
        Assert.Equal(2, silo.Projections.Refused);
        var delivered = silo.Projections.Orders.Where(e => e.Order.Id == order.Id).Select(e => (e.Order.Status, e.Sequence)).ToList();
        Assert.Equal([(OrderStatus.PaymentPending, 1), (OrderStatus.Paid, 2)], delivered);
    }

    [Fact]
    public async Task Stock_events_reach_the_consumers_once_per_change_in_version_order()
    {
        await using var silo = await ShopSilo.StartAsync();
        var stock = silo.Stock("p-events");

        await stock.AdjustAsync(10, "delivery");
        await stock.ReserveAsync("order-1", 3);
        await stock.ReserveAsync("order-1", 3);              // a retry: no change, no event
        await stock.ConfirmAsync("order-1");
        Assert.False((await stock.AdjustAsync(-100, "write-off")).Succeeded);

        await Eventually.HoldsAsync(() => Task.FromResult(silo.Projections.Stock.Count(e => e.ProductId == "p-events") >= 3), "three stock events");
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        var events = silo.Projections.Stock.Where(e => e.ProductId == "p-events").ToList();
        Assert.Equal([(10, 0, 0), (10, 3, 0), (7, 0, 3)], events.Select(e => (e.Level.OnHand, e.Level.Reserved, e.Level.Sold)));
        Assert.Equal(events.Select(e => e.Level.Version).Order(), events.Select(e => e.Level.Version));
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public void Every_order_and_product_id_maps_to_one_stable_partition()
    {
        Assert.Equal(DomainEvents.PartitionOf("order-42"), DomainEvents.PartitionOf("order-42"));
        var partitions = Enumerable.Range(0, 2_000).Select(i => DomainEvents.PartitionOf($"order-{i}")).ToList();
        Assert.Equal(DomainEvents.Partitions, partitions.Distinct().Count());
        Assert.All(partitions.GroupBy(p => p), g => Assert.InRange(g.Count(), 60, 200));

        // Fixed values: a change of the hash would move a product's events to another stream across a rolling upgrade,
        // where two silos would deliver them out of order.
        Assert.Equal(("04", "05"), (DomainEvents.PartitionOf("order-42"), DomainEvents.PartitionOf("p-1")));
    }
}
