using System.Text.Json.Nodes;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

public sealed class OrderAdminTests(SharedShopServer fixture)
{
    private const string Ship =
        "mutation($input: ShipOrderInput!) { shipOrder(input: $input) { order { status trackingNumber } errors { code message field } } }";

    private const string Deliver =
        "mutation($input: DeliverOrderInput!) { deliverOrder(input: $input) { order { status } errors { code message field } } }";

    private const string Refund =
        "mutation($input: RefundOrderInput!) { refundOrder(input: $input) { order { status payments { status } } errors { code message field } } }";

    private const string Cancel =
        "mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { order { status } errors { code message field } } }";

    private ShopServer Server => fixture.Server;

    [Fact]
    public async Task An_admin_ships_delivers_and_refunds_and_illegal_moves_are_INVALID_STATE()
    {
        var admin = await Server.AdminTokenAsync();
        var productId = await Server.CreateProductAsync(price: "30.00", stock: 5, adminToken: admin);
        var customer = (await Server.RegisterAsync(ShopServer.UniqueEmail()))["accessToken"]!.GetValue<string>();
        await Server.AddToCartAsync(productId, 1, accessToken: customer);
        var orderId = (await Server.CheckoutAsync(new { shippingAddress = Shopping.Address, idempotencyKey = "admin-journey" }, customer))["order"]!["id"]!.GetValue<string>();

        var shipUnpaid = await MutateAsync(Ship, new { orderId, trackingNumber = "TRK-1" }, admin);
        Assert.Equal(["INVALID_STATE"], shipUnpaid.Codes());
        Assert.Empty((await Server.PayAsync(orderId, "CARD", await Server.TokenizeAsync(), accessToken: customer))["errors"]!.AsArray());

        var noTracking = await MutateAsync(Ship, new { orderId, trackingNumber = " " }, admin);
        var deliverUnshipped = await MutateAsync(Deliver, new { orderId }, admin);
        var shipped = await MutateAsync(Ship, new { orderId, trackingNumber = "TRK-1" }, admin);
        var cancelShipped = await MutateAsync(Cancel, new { orderId }, customer);
        var delivered = await MutateAsync(Deliver, new { orderId }, admin);
        var deliveredTwice = await MutateAsync(Deliver, new { orderId }, admin);
        var noReason = await MutateAsync(Refund, new { orderId, reason = "" }, admin);
        var refunded = await MutateAsync(Refund, new { orderId, reason = "Broken in transit" }, admin);
        var refundedTwice = await MutateAsync(Refund, new { orderId, reason = "Again" }, admin);

        Assert.Equal(["INVALID_INPUT"], noTracking.Codes());
        Assert.Equal(["INVALID_STATE"], deliverUnshipped.Codes());
        Assert.Equal("SHIPPED", shipped["order"]!.Status());
        Assert.Equal("TRK-1", shipped["order"]!["trackingNumber"]!.GetValue<string>());
        Assert.Equal(["INVALID_STATE"], cancelShipped.Codes());
        Assert.Equal("DELIVERED", delivered["order"]!.Status());
        Assert.Equal(["INVALID_STATE"], deliveredTwice.Codes());
        Assert.Equal(["INVALID_INPUT"], noReason.Codes());
        Assert.Equal("REFUNDED", refunded["order"]!.Status());
        Assert.Equal("REFUNDED", refunded["order"]!["payments"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(["INVALID_STATE"], refundedTwice.Codes());
        var history = (await Server.OrderAsync(orderId, customer))!["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>());
        Assert.Equal(["PAYMENT_PENDING", "PAID", "SHIPPED", "DELIVERED", "REFUNDED"], history);

        // Delivered goods are not back on the shelf: a refund after delivery returns money, not stock.
        Assert.Equal((4, 4, 0), await Server.StockAsync(productId, admin));
    }

    [Fact]
    public async Task Cancelling_releases_an_unpaid_reservation_and_refunds_a_paid_order_with_its_stock()
    {
        var admin = await Server.AdminTokenAsync();
        var productId = await Server.CreateProductAsync(price: "7.00", stock: 6, adminToken: admin);
        var unpaid = (await Server.GuestCheckoutAsync(await Server.AddToCartAsync(productId, 2)))["id"]!.GetValue<string>();
        var paid = (await Server.GuestCheckoutAsync(await Server.AddToCartAsync(productId, 3)))["id"]!.GetValue<string>();
        await Server.PayAsync(paid, "CARD", await Server.TokenizeAsync());
        Assert.Equal((1, 3, 2), await Server.StockAsync(productId, admin));

        var cancelledUnpaid = await MutateAsync(Cancel, new { orderId = unpaid, reason = "Changed my mind" }, null);
        var cancelledPaid = await MutateAsync(Cancel, new { orderId = paid }, null);
        var again = await MutateAsync(Cancel, new { orderId = paid }, null);

        Assert.Equal("CANCELLED", cancelledUnpaid["order"]!.Status());
        Assert.Equal("CANCELLED", cancelledPaid["order"]!.Status());
        Assert.Equal(["INVALID_STATE"], again.Codes());
        Assert.Equal("REFUNDED", (await Server.OrderAsync(paid))!["payments"]![0]!["status"]!.GetValue<string>());
        Assert.Equal((6, 6, 0), await Server.StockAsync(productId, admin));
    }

    [Fact]
    public async Task Only_the_owner_or_an_admin_reads_or_changes_a_customers_order_and_a_guest_order_is_its_id_holders()
    {
        var admin = await Server.AdminTokenAsync();
        var productId = await Server.CreateProductAsync(price: "11.00", stock: 10, adminToken: admin);
        var ownerEmail = ShopServer.UniqueEmail();
        var ownerSignIn = await Server.RegisterAsync(ownerEmail);
        var owner = ownerSignIn["accessToken"]!.GetValue<string>();
        var ownerId = ownerSignIn["customer"]!["id"]!.GetValue<string>();
        var other = (await Server.RegisterAsync(ShopServer.UniqueEmail()))["accessToken"]!.GetValue<string>();
        await Server.AddToCartAsync(productId, 1, accessToken: owner);
        var orderId = (await Server.CheckoutAsync(new { shippingAddress = Shopping.Address, idempotencyKey = "matrix" }, owner))["order"]!["id"]!.GetValue<string>();

        foreach (var (who, token) in new[] { ("anonymous", (string?)null), ("other customer", other) })
        {
            var read = await Server.PostAsync(Shopping.Order, new { id = orderId }, token);
            Assert.True(read["data"]!["order"] is null, who);
            Assert.Equal("FORBIDDEN", read["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
            Assert.Null((await Server.DataAsync("query($id: ID!) { node(id: $id) { id } }", new { id = orderId }, token))["node"]);
            Assert.Equal(["FORBIDDEN"], (await MutateAsync(Cancel, new { orderId }, token)).Codes());
            Assert.Equal(["FORBIDDEN"], (await Server.PayAsync(orderId, "CARD", "tok_x", accessToken: token)).Codes());
            var expected = token is null ? "UNAUTHENTICATED" : "FORBIDDEN";
            Assert.Equal([expected], (await MutateAsync(Ship, new { orderId, trackingNumber = "T" }, token)).Codes());
            Assert.Equal([expected], (await MutateAsync(Deliver, new { orderId }, token)).Codes());
            Assert.Equal([expected], (await MutateAsync(Refund, new { orderId, reason = "r" }, token)).Codes());
            Assert.Null((await Server.DataAsync("query($id: ID!) { node(id: $id) { id } }", new { id = ownerId }, token))["node"]);
        }

        Assert.Equal(["FORBIDDEN"], (await MutateAsync(Ship, new { orderId, trackingNumber = "T" }, owner)).Codes());
        Assert.Equal(["FORBIDDEN"], (await MutateAsync(Refund, new { orderId, reason = "r" }, owner)).Codes());
        var ownRead = (await Server.OrderAsync(orderId, owner))!;
        var adminRead = (await Server.OrderAsync(orderId, admin))!;
        Assert.Equal(ownerEmail, ownRead["customer"]!["email"]!.GetValue<string>());
        Assert.Equal(ownerEmail, adminRead["customer"]!["email"]!.GetValue<string>());
        var adminsView = await Server.DataAsync(
            "query($id: ID!) { node(id: $id) { ... on Customer { orders { totalCount nodes { id } } } } }", new { id = ownerId }, admin);
        Assert.Equal(orderId, adminsView["node"]!["orders"]!["nodes"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("PAYMENT_PENDING", ownRead.Status());

        var guestOrder = (await Server.GuestCheckoutAsync(await Server.AddToCartAsync(productId)))["id"]!.GetValue<string>();
        var byAnyone = (await Server.OrderAsync(guestOrder, other))!;
        Assert.Null(byAnyone["customer"]);
        Assert.Equal("CANCELLED", (await MutateAsync(Cancel, new { orderId = guestOrder }, null))["order"]!.Status());
        Assert.Null((await Server.DataAsync(Shopping.Order, new { id = "T3JkZXI6bm9uZQ==" }))["order"]);
        Assert.Null((await Server.DataAsync(Shopping.Order, new { id = "garbage" }))["order"]);
        Assert.Equal("CANCELLED", (await MutateAsync(Cancel, new { orderId }, admin))["order"]!.Status());
    }

    private async Task<JsonNode> MutateAsync(string mutation, object input, string? token)
    {
        var data = await Server.DataAsync(mutation, new { input }, token);
        return data.AsObject().First().Value!;
    }
}
