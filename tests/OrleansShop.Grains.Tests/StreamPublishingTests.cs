using OrleansShop.GrainInterfaces;
using OrleansShop.Grains.Tests.Support;

namespace OrleansShop.Grains.Tests;

public sealed class StreamPublishingTests
{
    [Fact]
    public async Task Stock_publishes_its_level_after_each_change_of_on_hand_or_reserved_and_only_then()
    {
        await using var silo = await ShopSilo.StartAsync();
        var stock = silo.Stock("p-live");
        var levels = await StreamRecorder<StockLevel>.SubscribeAsync(silo, CommerceStreams.ForStock("p-live"));

        await stock.AdjustAsync(10, "delivery");
        await stock.ReserveAsync("order-1", 3);
        await stock.ReserveAsync("order-1", 3);           // a retry: no change
        Assert.False((await stock.ReserveAsync("order-2", 50)).Succeeded);
        await stock.ReleaseAsync("order-never-reserved");   // remembered, but nothing moves
        await stock.ReserveAsync("order-3", 2);
        await stock.ConfirmAsync("order-3");
        await stock.ReleaseAsync("order-1");
        Assert.False((await stock.AdjustAsync(-100, "write-off")).Succeeded);

        var published = await levels.NextAsync(5);
        Assert.Equal([(10, 0), (10, 3), (10, 5), (8, 3), (8, 0)], published.Select(l => (l.OnHand, l.Reserved)));
        Assert.Equal(await stock.GetLevelAsync(), published[^1]);
        Assert.Empty(levels.Pending());
    }

    [Fact]
    public async Task Order_publishes_itself_after_each_status_change()
    {
        await using var silo = await ShopSilo.StartAsync();
        var productId = await silo.CreateProductAsync(12.50m, stock: 5);
        await silo.Cart("cart-live").AddItemAsync(productId, 2);
        var orderId = OrderIds.ForCheckout("cart-live", "key-1");
        var statuses = await StreamRecorder<OrderDetails>.SubscribeAsync(silo, CommerceStreams.ForOrder(orderId));
        var stock = await StreamRecorder<StockLevel>.SubscribeAsync(silo, CommerceStreams.ForStock(productId));

        Assert.True((await silo.CheckoutAsync("cart-live")).Succeeded);
        Assert.True((await silo.Order(orderId).PayAsync(new PaymentRequest(PaymentMethod.Card, "tok_visa", "pay-1"))).Succeeded);
        Assert.True((await silo.Order(orderId).ShipAsync("TRACK-1")).Succeeded);
        Assert.False((await silo.Order(orderId).CancelAsync("too late")).Succeeded);
        Assert.True((await silo.Order(orderId).DeliverAsync()).Succeeded);

        var published = await statuses.NextAsync(4);
        Assert.Equal([OrderStatus.PaymentPending, OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered], published.Select(o => o.Status));
        Assert.All(published, o => Assert.Equal(orderId, o.Id));
        Assert.Equal("TRACK-1", published[2].TrackingNumber);
        Assert.Equal((await silo.Order(orderId).GetAsync())!.History.Select(h => h.Status), published[^1].History.Select(h => h.Status));
        Assert.Empty(statuses.Pending());
        Assert.Equal([(5, 2), (3, 0)], (await stock.NextAsync(2)).Select(l => (l.OnHand, l.Reserved)));
    }

    [Fact]
    public async Task Without_a_stream_provider_the_change_still_succeeds()
    {
        await using var silo = await ShopSilo.StartAsync(streams: false);
        var productId = await silo.CreateProductAsync(3m, stock: 4);
        await silo.Cart("cart-quiet").AddItemAsync(productId, 1);

        var placed = await silo.CheckoutAsync("cart-quiet");
        var cancelled = await silo.Order(placed.Value!.Id).CancelAsync(null);

        Assert.Equal(OrderStatus.Cancelled, cancelled.Value!.Status);
        Assert.Equal(4, (await silo.Stock(productId).GetLevelAsync()).Available);
    }
}
