using Microsoft.Extensions.DependencyInjection;
using OrleansShop.Api.Schema;
using OrleansShop.Api.Tests.Support;
using OrleansShop.GrainInterfaces;
using OrleansShop.Runtime;
using OrleansShop.Runtime.Streams;

namespace OrleansShop.Api.Tests;

public sealed class SubscriptionTests(OrderingShopServerFixture fixture) : IClassFixture<OrderingShopServerFixture>
{
    private const string StockChanged = "subscription($id: ID!) { stockChanged(productId: $id) { available } }";
    private const string StockChangedForAdmins = "subscription($id: ID!) { stockChanged(productId: $id) { available onHand reserved } }";
    private const string OrderStatusChanged = "subscription($id: ID!) { orderStatusChanged(orderId: $id) { number status history { status } } }";

    private ShopServer Server => fixture.Server;

    private IGrainFactory Grains => Server.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task Stock_changed_pushes_each_new_level_and_unsubscribes_when_the_client_completes()
    {
        var productId = await CreateProductAsync(stock: 10);
        var admin = await Server.AdminTokenAsync();
        await using var socket = await GraphQLSocket.ConnectAsync(Server);

        await socket.SubscribeAsync("s1", StockChanged, new { id = GlobalId.Encode("Product", productId) });
        await SubscribersAsync<StockLevel>(CommerceStreams.ForStock(productId), expected: 1);
        await AdjustStockAsync(productId, 5, admin);
        var first = await socket.NextAsync("s1");
        await Grains.GetGrain<IProductStockGrain>(productId).ReserveAsync("order-s1", 4);
        var second = await socket.NextAsync("s1");

        Assert.Equal(15, first["data"]!["stockChanged"]!["available"]!.GetValue<int>());
        Assert.Equal(11, second["data"]!["stockChanged"]!["available"]!.GetValue<int>());

        await socket.CompleteAsync("s1");
        await SubscribersAsync<StockLevel>(CommerceStreams.ForStock(productId), expected: 0);
    }

    [Fact]
    public async Task Stock_on_hand_and_reserved_are_pushed_to_admins_and_refused_to_others()
    {
        var productId = await CreateProductAsync(stock: 3);
        var admin = await Server.AdminTokenAsync();
        var id = new { id = GlobalId.Encode("Product", productId) };
        await using var adminSocket = await GraphQLSocket.ConnectAsync(Server, admin);
        await using var shopperSocket = await GraphQLSocket.ConnectAsync(Server);
        await adminSocket.SubscribeAsync("admin", StockChangedForAdmins, id);
        await shopperSocket.SubscribeAsync("shopper", StockChangedForAdmins, id);
        await SubscribersAsync<StockLevel>(CommerceStreams.ForStock(productId), expected: 2);

        await AdjustStockAsync(productId, 2, admin);

        var level = (await adminSocket.NextAsync("admin"))["data"]!["stockChanged"]!;
        Assert.Equal((5, 5, 0), (level["available"]!.GetValue<int>(), level["onHand"]!.GetValue<int>(), level["reserved"]!.GetValue<int>()));
        var refused = await shopperSocket.NextAsync("shopper");
        Assert.Equal("FORBIDDEN", refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(refused["data"]);
    }

    [Fact]
    public async Task A_dropped_connection_ends_its_stream_subscriptions()
    {
        var productId = await CreateProductAsync(stock: 1);
        var socket = await GraphQLSocket.ConnectAsync(Server);
        await socket.SubscribeAsync("s1", StockChanged, new { id = GlobalId.Encode("Product", productId) });
        await socket.SubscribeAsync("s2", StockChanged, new { id = GlobalId.Encode("Product", productId) });
        await SubscribersAsync<StockLevel>(CommerceStreams.ForStock(productId), expected: 2);

        socket.Abort();
        await socket.DisposeAsync();

        await SubscribersAsync<StockLevel>(CommerceStreams.ForStock(productId), expected: 0);
    }

    [Theory]
    [InlineData("stockChanged(productId: $id) { available }", "UHJvZHVjdDpuby1zdWNoLXByb2R1Y3Q=")] // Product:no-such-product
    [InlineData("stockChanged(productId: $id) { available }", "not-an-id")]
    [InlineData("orderStatusChanged(orderId: $id) { status }", "T3JkZXI6bm8tc3VjaC1vcmRlcg==")] // Order:no-such-order
    [InlineData("orderStatusChanged(orderId: $id) { status }", "UHJvZHVjdDpuby1zdWNoLXByb2R1Y3Q=")] // a product's id
    public async Task Subscribing_to_an_unknown_id_is_a_NOT_FOUND_error(string field, string id)
    {
        await using var socket = await GraphQLSocket.ConnectAsync(Server);

        await socket.SubscribeAsync("s1", $"subscription($id: ID!) {{ {field} }}", new { id });

        var message = await socket.ReceiveAsync();
        Assert.Equal("error", message["type"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", message["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Order_status_changed_pushes_the_order_to_its_owner_on_each_change_and_completes_when_it_is_final()
    {
        var owner = await Server.RegisterAsync(ShopServer.UniqueEmail());
        var customerId = CustomerKey(owner);
        var orderId = await PlaceOrderAsync(CartIds.ForCustomer(customerId), customerId);
        await using var socket = await GraphQLSocket.ConnectAsync(Server, owner["accessToken"]!.GetValue<string>());
        await socket.SubscribeAsync("o1", OrderStatusChanged, new { id = GlobalId.Encode("Order", orderId) });
        await SubscribersAsync<OrderDetails>(CommerceStreams.ForOrder(orderId), expected: 1);

        var order = Grains.GetGrain<IOrderGrain>(orderId);
        Assert.True((await order.PayAsync(new PaymentRequest(PaymentMethod.Card, "tok_test", "pay-1"))).Succeeded);
        var paid = (await socket.NextAsync("o1"))["data"]!["orderStatusChanged"]!;
        Assert.True((await order.CancelAsync("changed my mind")).Succeeded);
        var cancelled = (await socket.NextAsync("o1"))["data"]!["orderStatusChanged"]!;

        Assert.Equal("PAID", paid["status"]!.GetValue<string>());
        Assert.Equal("CANCELLED", cancelled["status"]!.GetValue<string>());
        Assert.Equal(["PAYMENT_PENDING", "PAID", "CANCELLED"], cancelled["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()));
        Assert.Equal(paid["number"]!.GetValue<string>(), cancelled["number"]!.GetValue<string>());

        // A cancelled order changes no more: the server completes the subscription and lets go of the stream.
        var end = await socket.ReceiveAsync();
        Assert.Equal(("complete", "o1"), (end["type"]!.GetValue<string>(), end["id"]!.GetValue<string>()));
        await SubscribersAsync<OrderDetails>(CommerceStreams.ForOrder(orderId), expected: 0);
    }

    [Fact]
    public async Task A_guest_order_is_followed_by_whoever_holds_its_id()
    {
        var orderId = await PlaceOrderAsync("guest-" + Guid.NewGuid().ToString("N"), customerId: null);
        await using var socket = await GraphQLSocket.ConnectAsync(Server);
        await socket.SubscribeAsync("o1", OrderStatusChanged, new { id = GlobalId.Encode("Order", orderId) });
        await SubscribersAsync<OrderDetails>(CommerceStreams.ForOrder(orderId), expected: 1);

        Assert.True((await Grains.GetGrain<IOrderGrain>(orderId).CancelAsync(null)).Succeeded);

        var cancelled = (await socket.NextAsync("o1"))["data"]!["orderStatusChanged"]!;
        Assert.Equal("CANCELLED", cancelled["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_customers_order_is_refused_with_FORBIDDEN_and_an_admin_may_follow_it()
    {
        var owner = await Server.RegisterAsync(ShopServer.UniqueEmail());
        var customerId = CustomerKey(owner);
        var orderId = await PlaceOrderAsync(CartIds.ForCustomer(customerId), customerId);
        var id = new { id = GlobalId.Encode("Order", orderId) };
        var stranger = (await Server.RegisterAsync(ShopServer.UniqueEmail()))["accessToken"]!.GetValue<string>();
        await using var strangerSocket = await GraphQLSocket.ConnectAsync(Server, stranger);
        await using var anonymousSocket = await GraphQLSocket.ConnectAsync(Server);
        await using var adminSocket = await GraphQLSocket.ConnectAsync(Server, await Server.AdminTokenAsync());

        await strangerSocket.SubscribeAsync("o1", OrderStatusChanged, id);
        await anonymousSocket.SubscribeAsync("o1", OrderStatusChanged, id);
        var refusals = new[] { await strangerSocket.ReceiveAsync(), await anonymousSocket.ReceiveAsync() };
        await adminSocket.SubscribeAsync("o1", OrderStatusChanged, id);
        await SubscribersAsync<OrderDetails>(CommerceStreams.ForOrder(orderId), expected: 1);
        Assert.True((await Grains.GetGrain<IOrderGrain>(orderId).CancelAsync(null)).Succeeded);

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
        var owner = await Server.RegisterAsync(ShopServer.UniqueEmail());
        var customerId = CustomerKey(owner);
        var orderId = await PlaceOrderAsync(CartIds.ForCustomer(customerId), customerId);
        await using var socket = await GraphQLSocket.ConnectAsync(Server, owner["accessToken"]!.GetValue<string>(), tokenInPayload: true);
        await socket.SubscribeAsync("o1", OrderStatusChanged, new { id = GlobalId.Encode("Order", orderId) });
        await SubscribersAsync<OrderDetails>(CommerceStreams.ForOrder(orderId), expected: 1);
        Assert.True((await Grains.GetGrain<IOrderGrain>(orderId).CancelAsync(null)).Succeeded);
        Assert.Equal("CANCELLED", (await socket.NextAsync("o1"))["data"]!["orderStatusChanged"]!["status"]!.GetValue<string>());

        await using var forged = await GraphQLSocket.OpenAsync(Server, "not-a-token", tokenInPayload: true);
        Assert.Equal(4403, await forged.ClosedWithAsync());
    }

    private static string CustomerKey(System.Text.Json.Nodes.JsonNode signIn) =>
        GlobalId.KeyOf(signIn["customer"]!["id"]!.GetValue<string>(), "Customer")!;

    private async Task<string> CreateProductAsync(int stock)
    {
        var id = Guid.NewGuid().ToString("N");
        var created = await Grains.GetGrain<IProductGrain>(id).CreateAsync(new ProductDraft(
            "SKU-" + id[..12], "Live " + id[..6], null, "Watched live.", "Acme", new Money(9.99m, "USD")));
        Assert.True(created.Succeeded, created.Error?.Message);
        Assert.True((await Grains.GetGrain<IProductStockGrain>(id).AdjustAsync(stock, "initial stock")).Succeeded);
        return id;
    }

    /// <summary>Puts one product in the cart and checks it out through the order grain, as the checkout mutation would.</summary>
    private async Task<string> PlaceOrderAsync(string cartId, string? customerId)
    {
        var productId = await CreateProductAsync(stock: 5);
        Assert.True((await Grains.GetGrain<ICartGrain>(cartId).AddItemAsync(productId, 2)).Succeeded);
        var orderId = OrderIds.ForCheckout(cartId, "key-1");
        var placed = await Grains.GetGrain<IOrderGrain>(orderId).CheckoutAsync(new CheckoutRequest(
            cartId, customerId, "shopper@example.com", new AddressInput("Ada Lovelace", "1 Main Street", null, "Springfield", "IL", "62701", "US"), "key-1"));
        Assert.True(placed.Succeeded, placed.Error?.Message);
        return orderId;
    }

    private async Task AdjustStockAsync(string productId, int delta, string admin)
    {
        var adjusted = (await Server.DataAsync(
            "mutation($input: AdjustStockInput!) { adjustStock(input: $input) { errors { code } } }",
            new { input = new { productId = GlobalId.Encode("Product", productId), delta, reason = "delivery" } },
            admin))["adjustStock"]!;
        Assert.Empty(adjusted["errors"]!.AsArray());
    }

    /// <summary>
    /// Waits until the stream has <paramref name="expected"/> subscribers outside grains (the API's). The protocol does
    /// not acknowledge a subscribe, so this is also how a test knows a subscription is live before changing anything.
    /// </summary>
    private async Task SubscribersAsync<T>(StreamId streamId, int expected)
    {
        var stream = Server.Services.GetStreamProvider(CommerceStreams.Provider).GetStream<T>(streamId);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        int count;
        while ((count = (await stream.GetAllSubscriptionHandles()).Count) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Stream {streamId} has {count} subscribers, not {expected}.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
