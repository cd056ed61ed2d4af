using System.Text.Json.Nodes;
using OrleansShop.Api.Tests.Support;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Tests;

/// <summary>A shopper's whole visit over real HTTP and a real WebSocket, against the app on a SQLite file with the sandbox provider.</summary>
public sealed class ShopperJourneyTests(SharedShopServer fixture)
{
    private const string Search = """
        query($q: String, $where: ProductFilter) {
          products(search: $q, where: $where, first: 10, order: [{ field: PRICE, direction: ASC }]) {
            totalCount
            nodes { id name brand price { amount } available }
            facets { field values { value count } }
          }
        }
        """;

    private const string AddReview =
        "mutation($input: AddReviewInput!) { addReview(input: $input) { review { rating verifiedPurchase } errors { code message } } }";

    private const string MyOrders = "{ me { email orders(first: 10) { totalCount nodes { id number status total { amount } lines { name quantity } } } } }";

    private const string Rating = "query($id: ID) { product(id: $id) { rating { average count } reviews(first: 5) { totalCount nodes { rating title author } } } }";

    private ShopServer Server => fixture.Server;

    [Fact]
    public async Task A_shopper_registers_searches_buys_two_products_by_card_sees_the_order_paid_and_reviews_what_they_bought()
    {
        // The shop: products that share a word no other test uses, two of one brand and one of another.
        var word = "journey" + Guid.NewGuid().ToString("N")[..10];
        var admin = await Server.AdminTokenAsync();
        await Server.CreateProductAsync(admin, "20.00", 5, "Kettle", "Brewline", $"A kettle ({word}).");
        await Server.CreateProductAsync(admin, "35.00", 5, "Teapot", "Brewline", $"A teapot ({word}).");
        var grinder = await Server.CreateProductAsync(admin, "50.00", 5, "Grinder", "Hario", $"A grinder ({word}).");

        var email = ShopServer.UniqueEmail();
        var shopper = (await Server.RegisterAsync(email))["accessToken"]!.GetValue<string>();

        // Search, then narrow by brand and stock; the facets count the whole matched set.
        var all = await Eventually.UntilAsync(() => SearchAsync(new { q = word }, shopper), p => p["totalCount"]!.GetValue<int>() == 3);
        var brewline = await Eventually.UntilAsync(
            () => SearchAsync(new { q = word, where = new { brand = new[] { "Brewline" }, inStock = true } }, shopper),
            p => p["totalCount"]!.GetValue<int>() == 2);
        Assert.Equal(["Kettle", "Teapot", "Grinder"], all.Names());
        Assert.Equal(new Dictionary<string, int> { ["Brewline"] = 2, ["Hario"] = 1 }, all.Facet("brand"));
        Assert.Equal(["Kettle", "Teapot"], brewline.Names());
        Assert.Equal(2, brewline["totalCount"]!.GetValue<int>());

        // Both into the customer's cart, then checkout to a new address.
        var bought = brewline["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        foreach (var productId in bought)
        {
            await Server.AddToCartAsync(productId, accessToken: shopper);
        }

        var cart = (await Server.DataAsync("{ cart { itemCount subtotal { amount } } }", accessToken: shopper))["cart"]!;
        Assert.Equal((2, "55.00"), (cart["itemCount"]!.GetValue<int>(), cart["subtotal"]!["amount"]!.GetValue<string>()));
        var address = new { name = "Grace Hopper", line1 = "7 Compiler Lane", city = "Arlington", region = "VA", postalCode = "22201", country = "US" };
        var checkedOut = await Server.CheckoutAsync(new { shippingAddress = address, idempotencyKey = Guid.NewGuid().ToString() }, shopper);
        Assert.Empty(checkedOut["errors"]!.AsArray());
        var order = checkedOut["order"]!;
        var orderId = order["id"]!.GetValue<string>();
        Assert.Equal("PAYMENT_PENDING", order.Status());
        Assert.Equal("55.00", order["subtotal"]!["amount"]!.GetValue<string>());
        Assert.Equal(["Kettle", "Teapot"], order["lines"]!.AsArray().Select(l => l!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("7 Compiler Lane", order["shippingAddress"]!["line1"]!.GetValue<string>());
        Assert.Equal(0, (await Server.DataAsync("{ cart { itemCount } }", accessToken: shopper))["cart"]!["itemCount"]!.GetValue<int>());

        // The shopper's client follows the order from now on.
        await using var socket = await GraphQLSocket.ConnectAsync(Server.WebSocketUri, shopper);
        await socket.SubscribeAsync("order", "subscription($id: ID!) { orderStatusChanged(orderId: $id) { id status } }", new { id = orderId });
        await Server.WaitForSubscribersAsync<OrderDetails>(StreamSubscribers.OrderStream(orderId), expected: 1);

        // The card goes to the sandbox; the shop only ever sees the token.
        var payment = await Server.PayAsync(orderId, "CARD", await Server.TokenizeAsync(), accessToken: shopper);
        Assert.Empty(payment["errors"]!.AsArray());
        Assert.Equal("PAID", payment["order"]!.Status());
        Assert.Equal(("CAPTURED", "4242"), (payment["payment"]!["status"]!.GetValue<string>(), payment["payment"]!["cardLast4"]!.GetValue<string>()));
        var pushed = (await socket.NextAsync("order"))["data"]!["orderStatusChanged"]!;
        Assert.Equal((orderId, "PAID"), (pushed["id"]!.GetValue<string>(), pushed.Status()));

        // The order history shows it paid.
        var me = (await Eventually.UntilAsync(
            async () => (await Server.DataAsync(MyOrders, accessToken: shopper))["me"]!,
            m => m["orders"]!["nodes"]!.AsArray().Any(o => o!.Status() == "PAID")))!;
        var history = Assert.Single(me["orders"]!["nodes"]!.AsArray())!;
        Assert.Equal(email, me["email"]!.GetValue<string>());
        Assert.Equal(orderId, history["id"]!.GetValue<string>());
        Assert.Equal(order["number"]!.GetValue<string>(), history["number"]!.GetValue<string>());

        // A review of what was bought counts; of what was not, it is refused.
        var review = (await Server.DataAsync(AddReview, Review(bought[0], 4), shopper))["addReview"]!;
        var notBought = (await Server.DataAsync(AddReview, Review(grinder, 1), shopper))["addReview"]!;
        Assert.Empty(review["errors"]!.AsArray());
        Assert.True(review["review"]!["verifiedPurchase"]!.GetValue<bool>());
        Assert.Equal(["REVIEW_NOT_ALLOWED"], notBought.Codes());

        var reviewed = (await Server.DataAsync(Rating, new { id = bought[0] }))["product"]!;
        var refused = (await Server.DataAsync(Rating, new { id = grinder }))["product"]!;
        Assert.Equal((4.0, 1), (reviewed["rating"]!["average"]!.GetValue<double>(), reviewed["rating"]!["count"]!.GetValue<int>()));
        Assert.Equal("Shopper", reviewed["reviews"]!["nodes"]![0]!["author"]!.GetValue<string>());
        Assert.Equal(0, refused["rating"]!["count"]!.GetValue<int>());
    }

    private async Task<JsonNode> SearchAsync(object variables, string token) => (await Server.DataAsync(Search, variables, token))["products"]!;

    private static object Review(string productId, int rating) =>
        new { input = new { productId, rating, title = "Pours well", body = "Boils in two minutes and does not drip." } };
}
