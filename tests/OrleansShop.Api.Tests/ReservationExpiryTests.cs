using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

public sealed class ReservationExpiryTests
{
    [Fact]
    public async Task An_unpaid_order_is_cancelled_when_its_reservation_expires_and_its_stock_returns()
    {
        // Long enough that the stock can be read while still reserved on a loaded machine (at 2 s it expired first there).
        await using var server = await ShopServer.StartAsync(settings: [.. ShopServer.LimitsForManyTests, "OrleansShop:Checkout:ReservationTimeout=00:00:06"]);
        var admin = await server.AdminTokenAsync();
        var productId = await server.CreateProductAsync(price: "3.00", stock: 4, adminToken: admin);
        var order = await server.GuestCheckoutAsync(await server.AddToCartAsync(productId, 3));
        var orderId = order["id"]!.GetValue<string>();
        Assert.Equal((1, 4, 3), await server.StockAsync(productId, admin));
        var cardToken = await server.TokenizeAsync();

        // Nobody touches the order: its reminder alone must expire it.
        var expired = await server.WaitForOrderAsync(orderId, o => o.Status() != "PAYMENT_PENDING", seconds: 40);

        Assert.Equal("CANCELLED", expired.Status());
        Assert.Null(expired["reservationExpiresAt"]);
        Assert.Contains("expired", expired["history"]![1]!["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((4, 4, 0), await server.StockAsync(productId, admin));
        var late = await server.PayAsync(orderId, "CARD", cardToken);
        Assert.Equal(["INVALID_STATE"], late.Codes());
        Assert.Empty((await server.OrderAsync(orderId))!["payments"]!.AsArray());
    }
}
