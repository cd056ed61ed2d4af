using OrleansShop.GrainInterfaces;
using OrleansShop.Grains.Tests.Support;

namespace OrleansShop.Grains.Tests;

/// <summary>The order and customer grains keep the admin lists current through their projection ports.</summary>
public sealed class ProjectionTests
{
    [Fact]
    public async Task Every_status_change_of_an_order_is_projected_with_a_growing_version()
    {
        await using var silo = await ShopSilo.StartAsync();
        var shoe = await silo.CreateProductAsync(10m, stock: 10);
        await silo.Cart("cart-1").AddItemAsync(shoe, 2);
        var order = (await silo.CheckoutAsync("cart-1", customerId: "c1")).Value!;
        var grain = silo.Order(order.Id);

        await grain.PayAsync(new PaymentRequest(PaymentMethod.Card, "tok_ok", "pay-1"));
        await grain.ShipAsync("TRACK-1");

        var listings = silo.Projections.Orders.Where(o => o.OrderId == order.Id).ToList();
        Assert.Equal(
            [(OrderStatus.PaymentPending, 1L), (OrderStatus.Paid, 2L), (OrderStatus.Shipped, 3L)],
            listings.Select(l => (l.Status, l.Version)).Distinct());
        var latest = silo.Projections.LatestOrder(order.Id)!;
        Assert.Equal((order.Number, "c1", order.Email, order.Total, order.PlacedAt), (latest.Number, latest.CustomerId, latest.Email, latest.Total, latest.PlacedAt));
    }

    [Fact]
    public async Task A_rejected_checkout_and_a_declined_payment_project_no_status_that_never_was()
    {
        await using var silo = await ShopSilo.StartAsync();
        var shoe = await silo.CreateProductAsync(10m, stock: 1);
        await silo.Cart("cart-1").AddItemAsync(shoe, 2);
        await silo.Cart("cart-2").AddItemAsync(shoe, 1);

        var rejected = await silo.CheckoutAsync("cart-1");
        var placed = (await silo.CheckoutAsync("cart-2")).Value!;
        await silo.Order(placed.Id).PayAsync(new PaymentRequest(PaymentMethod.Card, FakePaymentGateway.DeclinedCard, "pay-1"));

        Assert.False(rejected.Succeeded);
        Assert.DoesNotContain(silo.Projections.Orders, o => o.OrderId == OrderIds.ForCheckout("cart-1", "key-1"));
        Assert.All(silo.Projections.Orders.Where(o => o.OrderId == placed.Id), o => Assert.Equal(OrderStatus.PaymentPending, o.Status));
    }

    [Fact]
    public async Task A_change_whose_write_failed_is_not_projected_and_an_order_projects_itself_again_when_it_wakes()
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

            Assert.DoesNotContain(first.Projections.Orders, o => o.Status == OrderStatus.Cancelled);
        }

        storage.Recover();
        await using var second = await ShopSilo.StartAsync(storage: storage.For);
        Assert.Empty(second.Projections.Orders);

        await second.Order(orderId).GetAsync();

        var listing = Assert.Single(second.Projections.Orders);
        Assert.Equal((orderId, OrderStatus.PaymentPending, 1L), (listing.OrderId, listing.Status, listing.Version));
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
