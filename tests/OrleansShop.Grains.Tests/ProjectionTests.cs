using OrleansShop.GrainInterfaces;
using OrleansShop.Grains.Tests.Support;

namespace OrleansShop.Grains.Tests;

/// <summary>
/// The order grains publish every status change as an event to the silo's consumers (the admin order list, the outbox),
/// and the customer grains keep the admin customer list current through their projection port.
/// </summary>
public sealed class ProjectionTests
{
    [Fact]
    public async Task Every_status_change_of_an_order_reaches_the_consumers_with_a_growing_sequence()
    {
        await using var silo = await ShopSilo.StartAsync();
        var shoe = await silo.CreateProductAsync(10m, stock: 10);
        await silo.Cart("cart-1").AddItemAsync(shoe, 2);
        var order = (await silo.CheckoutAsync("cart-1", customerId: "c1")).Value!;
        var grain = silo.Order(order.Id);

        await grain.PayAsync(new PaymentRequest(PaymentMethod.Card, "tok_ok", "pay-1"));
        await grain.ShipAsync("TRACK-1");

        await Eventually.HoldsAsync(() => Task.FromResult(silo.Projections.LatestOrder(order.Id)?.Order.Status == OrderStatus.Shipped), "the shipped event");
        var events = silo.Projections.Orders.Where(o => o.Order.Id == order.Id).ToList();
        Assert.Equal(
            [(OrderStatus.PaymentPending, 1), (OrderStatus.Paid, 2), (OrderStatus.Shipped, 3)],
            events.Select(e => (e.Order.Status, e.Sequence)));
        Assert.Equal([$"order/{order.Id}/1", $"order/{order.Id}/2", $"order/{order.Id}/3"], events.Select(e => e.EventId));
        var latest = silo.Projections.LatestOrder(order.Id)!.Order;
        Assert.Equal((order.Number, "c1", order.Email, order.Total, order.PlacedAt, "TRACK-1"), (latest.Number, latest.CustomerId, latest.Email, latest.Total, latest.PlacedAt, latest.TrackingNumber));
    }

    [Fact]
    public async Task A_rejected_checkout_and_a_declined_payment_publish_no_status_that_never_was()
    {
        await using var silo = await ShopSilo.StartAsync();
        var shoe = await silo.CreateProductAsync(10m, stock: 1);
        await silo.Cart("cart-1").AddItemAsync(shoe, 2);
        await silo.Cart("cart-2").AddItemAsync(shoe, 1);

        var rejected = await silo.CheckoutAsync("cart-1");
        var placed = (await silo.CheckoutAsync("cart-2")).Value!;
        await silo.Order(placed.Id).PayAsync(new PaymentRequest(PaymentMethod.Card, FakePaymentGateway.DeclinedCard, "pay-1"));

        Assert.False(rejected.Succeeded);
        await Eventually.HoldsAsync(() => Task.FromResult(silo.Projections.LatestOrder(placed.Id) is not null), "the placed event");

        // Both failed attempts were answered before the placed order's event arrived; give a stray event time to follow.
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(silo.Projections.Orders, o => o.Order.Id == OrderIds.ForCheckout("cart-1", "key-1"));
        Assert.Equal(OrderStatus.PaymentPending, Assert.Single(silo.Projections.Orders, o => o.Order.Id == placed.Id).Order.Status);
    }

    [Fact]
    public async Task A_change_whose_write_failed_is_not_published_and_an_order_publishes_again_what_may_be_missing_when_it_wakes()
    {
        var storage = new CrashingStorage();
        string orderId;
        await using (var first = await ShopSilo.StartAsync(storage: storage.For))
        {
            var shoe = await first.CreateProductAsync(10m, stock: 5);
            await first.Cart("cart-1").AddItemAsync(shoe, 1);
            orderId = (await first.CheckoutAsync("cart-1")).Value!.Id;
            storage.CrashOn(s => s is OrderState { Status: OrderStatus.Cancelled });

            await Assert.ThrowsAnyAsync<Exception>(() => first.Order(orderId).CancelAsync("changed my mind"));

            await Eventually.HoldsAsync(() => Task.FromResult(first.Projections.LatestOrder(orderId) is not null), "the placed event");
            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
            Assert.DoesNotContain(first.Projections.Orders, o => o.Order.Status == OrderStatus.Cancelled);
        }

        storage.Recover();
        await using var second = await ShopSilo.StartAsync(storage: storage.For);
        Assert.Empty(second.Projections.Orders);

        // The stored order does not record its placement as published (that mark is saved with the next write, which
        // failed), so waking it publishes the placement again: at least once.
        await second.Order(orderId).GetAsync();

        await Eventually.HoldsAsync(() => Task.FromResult(second.Projections.Orders.Count > 0), "the placed event again");
        var again = Assert.Single(second.Projections.Orders);
        Assert.Equal((orderId, OrderStatus.PaymentPending, 1), (again.Order.Id, again.Order.Status, again.Sequence));
    }

    [Fact]
    public async Task A_customers_order_list_that_missed_a_status_change_catches_up_when_the_order_wakes()
    {
        var storage = new CrashingStorage();
        string orderId;
        await using (var first = await ShopSilo.StartAsync(storage: storage.For))
        {
            var shoe = await first.CreateProductAsync(10m, stock: 5);
            await first.Cart("cart-1").AddItemAsync(shoe, 1);
            orderId = (await first.CheckoutAsync("cart-1", customerId: "c1")).Value!.Id;
            storage.CrashOn(s => s is CustomerOrdersState);

            var paid = await first.Order(orderId).PayAsync(new PaymentRequest(PaymentMethod.Card, "tok_ok", "pay-1"));

            Assert.Equal(OrderStatus.Paid, paid.Value!.Order.Status);
        }

        storage.Recover();
        await using var second = await ShopSilo.StartAsync(storage: storage.For);
        var customerOrders = second.Grains.GetGrain<ICustomerOrdersGrain>("c1");
        Assert.Equal(OrderStatus.PaymentPending, Assert.Single(await customerOrders.GetAsync()).Status);

        await second.Order(orderId).GetAsync();

        Assert.Equal(OrderStatus.Paid, Assert.Single(await customerOrders.GetAsync()).Status);
    }

    [Fact]
    public async Task A_customer_is_projected_at_registration_and_again_when_the_profile_changes()
    {
        await using var silo = await ShopSilo.StartAsync();
        var customer = silo.Customer("c1");

        await customer.RegisterAsync(new Registration("ada@example.com", "a-long-enough-password", "Ada"));
        await customer.UpdateProfileAsync(new ProfileChanges("Ada Lovelace", null));
        await silo.Customer("c2").RegisterAsync(new Registration("not-an-email", "a-long-enough-password", "X"));

        var listings = silo.Projections.Customers;
        Assert.All(listings, l => Assert.Equal(("c1", "ada@example.com"), (l.CustomerId, l.Email)));
        Assert.Equal(["Ada", "Ada Lovelace"], listings.Select(l => l.DisplayName).Distinct());
        Assert.True(listings[^1].Version > listings[0].Version);
    }
}
