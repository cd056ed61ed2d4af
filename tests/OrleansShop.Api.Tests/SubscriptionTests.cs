using OrleansShop.Api.Tests.Support;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Tests;

public sealed class SubscriptionTests(SharedShopServer fixture)
{
    private const string StockChanged = "subscription($id: ID!) { stockChanged(productId: $id) { available } }";
    private const string StockChangedForAdmins = "subscription($id: ID!) { stockChanged(productId: $id) { available onHand reserved } }";
    private const string OrderStatusChanged = "subscription($id: ID!) { orderStatusChanged(orderId: $id) { number status history { status } } }";

    private ShopServer Server => fixture.Server;

    [Fact]
    public async Task Stock_changed_pushes_each_new_level_and_unsubscribes_when_the_client_completes()
    {
        var admin = await Server.AdminTokenAsync();
        var productId = await Server.CreateProductAsync(admin, stock: 10);
        await using var socket = await GraphQLSocket.ConnectAsync(Server.WebSocketUri);

        await socket.SubscribeAsync("s1", StockChanged, new { id = productId });
        await Server.WaitForSubscribersAsync<StockLevel>(StreamSubscribers.StockStream(productId), expected: 1);
        await Server.AdminAdjustAsync(productId, 5, admin);
        var first = await socket.NextAsync("s1");
        await Server.GuestCheckoutAsync(await Server.AddToCartAsync(productId, 4)); // reserves 4
        var second = await socket.NextAsync("s1");

        Assert.Equal(15, first["data"]!["stockChanged"]!["available"]!.GetValue<int>());
        Assert.Equal(11, second["data"]!["stockChanged"]!["available"]!.GetValue<int>());

        await socket.CompleteAsync("s1");
        await Server.WaitForSubscribersAsync<StockLevel>(StreamSubscribers.StockStream(productId), expected: 0);
    }

    [Fact]
    public async Task Stock_on_hand_and_reserved_are_pushed_to_admins_and_refused_to_others()
    {
        var admin = await Server.AdminTokenAsync();
        var productId = await Server.CreateProductAsync(admin, stock: 3);
        var id = new { id = productId };
        await using var adminSocket = await GraphQLSocket.ConnectAsync(Server.WebSocketUri, admin);
        await using var shopperSocket = await GraphQLSocket.ConnectAsync(Server.WebSocketUri);
        await adminSocket.SubscribeAsync("admin", StockChangedForAdmins, id);
        await shopperSocket.SubscribeAsync("shopper", StockChangedForAdmins, id);
        await Server.WaitForSubscribersAsync<StockLevel>(StreamSubscribers.StockStream(productId), expected: 2);

        await Server.AdminAdjustAsync(productId, 2, admin);

        var level = (await adminSocket.NextAsync("admin"))["data"]!["stockChanged"]!;
        Assert.Equal((5, 5, 0), (level["available"]!.GetValue<int>(), level["onHand"]!.GetValue<int>(), level["reserved"]!.GetValue<int>()));
        var refused = await shopperSocket.NextAsync("shopper");
        Assert.Equal("FORBIDDEN", refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(refused["data"]);
    }

    [Fact]
    public async Task A_dropped_connection_ends_its_stream_subscriptions()
    {
        var productId = await Server.CreateProductAsync(stock: 1);
        var socket = await GraphQLSocket.ConnectAsync(Server.WebSocketUri);
        await socket.SubscribeAsync("s1", StockChanged, new { id = productId });
        await socket.SubscribeAsync("s2", StockChanged, new { id = productId });
        await Server.WaitForSubscribersAsync<StockLevel>(StreamSubscribers.StockStream(productId), expected: 2);

        socket.Abort();
        await socket.DisposeAsync();

        await Server.WaitForSubscribersAsync<StockLevel>(StreamSubscribers.StockStream(productId), expected: 0);
    }

    [Theory]
    [InlineData("stockChanged(productId: $id) { available }", "UHJvZHVjdDpuby1zdWNoLXByb2R1Y3Q=")] // Product:no-such-product
    [InlineData("stockChanged(productId: $id) { available }", "not-an-id")]
    [InlineData("orderStatusChanged(orderId: $id) { status }", "T3JkZXI6bm8tc3VjaC1vcmRlcg==")] // Order:no-such-order
    [InlineData("orderStatusChanged(orderId: $id) { status }", "UHJvZHVjdDpuby1zdWNoLXByb2R1Y3Q=")] // a product's id
    public async Task Subscribing_to_an_unknown_id_is_a_NOT_FOUND_error(string field, string id)
    {
        await using var socket = await GraphQLSocket.ConnectAsync(Server.WebSocketUri);

        await socket.SubscribeAsync("s1", $"subscription($id: ID!) {{ {field} }}", new { id });

        var message = await socket.ReceiveAsync();
        Assert.Equal("error", message["type"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", message["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Order_status_changed_pushes_the_order_to_its_owner_on_each_change_and_completes_when_it_is_final()
    {
        var (owner, orderId) = await PlaceOrderAsync();
        await using var socket = await GraphQLSocket.ConnectAsync(Server.WebSocketUri, owner);
        await socket.SubscribeAsync("o1", OrderStatusChanged, new { id = orderId });
        await Server.WaitForSubscribersAsync<OrderDetails>(StreamSubscribers.OrderStream(orderId), expected: 1);

        await Server.PayAsync(orderId, "CARD", await Server.TokenizeAsync(), accessToken: owner);
        var paid = (await socket.NextAsync("o1"))["data"]!["orderStatusChanged"]!;
        await Server.CancelOrderAsync(orderId, owner, "changed my mind");
        var cancelled = (await socket.NextAsync("o1"))["data"]!["orderStatusChanged"]!;

        Assert.Equal("PAID", paid["status"]!.GetValue<string>());
        Assert.Equal("CANCELLED", cancelled["status"]!.GetValue<string>());
        Assert.Equal(["PAYMENT_PENDING", "PAID", "CANCELLED"], cancelled["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()));
        Assert.Equal(paid["number"]!.GetValue<string>(), cancelled["number"]!.GetValue<string>());

        // A cancelled order changes no more: the server completes the subscription and lets go of the stream.
        var end = await socket.ReceiveAsync();
        Assert.Equal(("complete", "o1"), (end["type"]!.GetValue<string>(), end["id"]!.GetValue<string>()));
        await Server.WaitForSubscribersAsync<OrderDetails>(StreamSubscribers.OrderStream(orderId), expected: 0);
    }

    [Fact]
    public async Task A_guest_order_is_followed_by_whoever_holds_its_id()
    {
        var productId = await Server.CreateProductAsync(stock: 5);
        var orderId = (await Server.GuestCheckoutAsync(await Server.AddToCartAsync(productId, 2)))["id"]!.GetValue<string>();
        await using var socket = await GraphQLSocket.ConnectAsync(Server.WebSocketUri);
        await socket.SubscribeAsync("o1", OrderStatusChanged, new { id = orderId });
        await Server.WaitForSubscribersAsync<OrderDetails>(StreamSubscribers.OrderStream(orderId), expected: 1);

        await Server.CancelOrderAsync(orderId);

        var cancelled = (await socket.NextAsync("o1"))["data"]!["orderStatusChanged"]!;
        Assert.Equal("CANCELLED", cancelled["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Following_an_order_that_is_already_cancelled_completes_at_once()
    {
        var productId = await Server.CreateProductAsync(stock: 5);
        var orderId = (await Server.GuestCheckoutAsync(await Server.AddToCartAsync(productId, 1)))["id"]!.GetValue<string>();
        await Server.CancelOrderAsync(orderId);
        await using var socket = await GraphQLSocket.ConnectAsync(Server.WebSocketUri);

        await socket.SubscribeAsync("o1", OrderStatusChanged, new { id = orderId });

        var end = await socket.ReceiveAsync();
        Assert.Equal(("complete", "o1"), (end["type"]!.GetValue<string>(), end["id"]!.GetValue<string>()));
        await Server.WaitForSubscribersAsync<OrderDetails>(StreamSubscribers.OrderStream(orderId), expected: 0);
    }

    [Fact]
    public async Task Another_customers_order_is_refused_with_FORBIDDEN_and_an_admin_may_follow_it()
    {
        var (owner, orderId) = await PlaceOrderAsync();
        var id = new { id = orderId };
        var stranger = (await Server.RegisterAsync(ShopServer.UniqueEmail()))["accessToken"]!.GetValue<string>();
        await using var strangerSocket = await GraphQLSocket.ConnectAsync(Server.WebSocketUri, stranger);
        await using var anonymousSocket = await GraphQLSocket.ConnectAsync(Server.WebSocketUri);
        await using var adminSocket = await GraphQLSocket.ConnectAsync(Server.WebSocketUri, await Server.AdminTokenAsync());

        await strangerSocket.SubscribeAsync("o1", OrderStatusChanged, id);
        await anonymousSocket.SubscribeAsync("o1", OrderStatusChanged, id);
        var refusals = new[] { await strangerSocket.ReceiveAsync(), await anonymousSocket.ReceiveAsync() };
        await adminSocket.SubscribeAsync("o1", OrderStatusChanged, id);
        await Server.WaitForSubscribersAsync<OrderDetails>(StreamSubscribers.OrderStream(orderId), expected: 1);
        await Server.CancelOrderAsync(orderId, owner);

        Assert.All(refusals, refused =>
        {
            Assert.Equal("error", refused["type"]!.GetValue<string>());
            Assert.Equal("FORBIDDEN", refused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        });
        Assert.Equal("CANCELLED", (await adminSocket.NextAsync("o1"))["data"]!["orderStatusChanged"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_browser_client_signs_in_with_the_token_in_connection_init_and_a_bad_token_is_refused()
    {
        var (owner, orderId) = await PlaceOrderAsync();
        await using var socket = await GraphQLSocket.ConnectAsync(Server.WebSocketUri, owner, tokenInPayload: true);
        await socket.SubscribeAsync("o1", OrderStatusChanged, new { id = orderId });
        await Server.WaitForSubscribersAsync<OrderDetails>(StreamSubscribers.OrderStream(orderId), expected: 1);
        await Server.CancelOrderAsync(orderId, owner);
        Assert.Equal("CANCELLED", (await socket.NextAsync("o1"))["data"]!["orderStatusChanged"]!["status"]!.GetValue<string>());

        await using var forged = await GraphQLSocket.OpenAsync(Server.WebSocketUri, "not-a-token", tokenInPayload: true);
        Assert.Equal(4403, await forged.ClosedWithAsync());
    }

    /// <summary>A new customer checks out two of a new product and leaves the order unpaid; returns their token and the order id.</summary>
    private async Task<(string Owner, string OrderId)> PlaceOrderAsync()
    {
        var owner = (await Server.RegisterAsync(ShopServer.UniqueEmail()))["accessToken"]!.GetValue<string>();
        var order = await Server.BuyAsync(owner, await Server.CreateProductAsync(stock: 5), quantity: 2, pay: false);
        return (owner, order["id"]!.GetValue<string>());
    }
}
