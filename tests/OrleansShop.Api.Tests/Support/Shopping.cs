using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OrleansShop.Api.Tests.Support;

/// <summary>The steps of a shopper's and an admin's journey over GraphQL and the payment sandbox, for the order tests.</summary>
public static class Shopping
{
    public const string GoodCard = "4242424242424242";
    public const string DeclinedCard = "4000000000000002";
    public const string InsufficientFundsCard = "4000000000009995";

    public const string OrderFields =
        "id number status email subtotal { amount currency } shipping { amount } total { amount currency } reservationExpiresAt trackingNumber placedAt "
        + "customer { id email } lines { quantity sku name product { id } unitPrice { amount } lineTotal { amount } } "
        + "shippingAddress { id name line1 city postalCode country } history { status at note } "
        + "payments { id method status amount { amount currency } cardBrand cardLast4 redirectUrl createdAt }";

    public const string Checkout =
        "mutation($input: CheckoutInput!) { checkout(input: $input) { order { " + OrderFields + " } errors { code message field } } }";

    public const string PayOrder =
        "mutation($input: PayOrderInput!) { payOrder(input: $input) { order { " + OrderFields + " } payment { id method status cardBrand cardLast4 redirectUrl } errors { code message field } } }";

    public const string Order = "query($id: ID!) { order(id: $id) { " + OrderFields + " } }";

    public static readonly object Address = new { name = "Ada Lovelace", line1 = "1 Analytical Way", city = "London", postalCode = "N1 9GU", country = "GB" };

    /// <summary>Adds to the given cart (a new guest cart when null and signed out, the customer's cart when signed in); returns the cart id.</summary>
    public static async Task<string> AddToCartAsync(this ShopServer server, string productId, int quantity = 1, string? cartId = null, string? accessToken = null)
    {
        var payload = (await server.DataAsync(
            "mutation($input: AddCartItemInput!) { addCartItem(input: $input) { cart { id } errors { code message } } }",
            new { input = new { cartId, productId, quantity } },
            accessToken))["addCartItem"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["cart"]!["id"]!.GetValue<string>();
    }

    /// <summary>The checkout payload (order and errors).</summary>
    public static async Task<JsonNode> CheckoutAsync(this ShopServer server, object input, string? accessToken = null) =>
        (await server.DataAsync(Checkout, new { input }, accessToken))["checkout"]!;

    /// <summary>A guest checkout of <paramref name="cartId"/> that must succeed; returns the order.</summary>
    public static async Task<JsonNode> GuestCheckoutAsync(this ShopServer server, string cartId, string? idempotencyKey = null)
    {
        var payload = await server.CheckoutAsync(new { cartId, email = ShopServer.UniqueEmail(), shippingAddress = Address, idempotencyKey = idempotencyKey ?? Guid.NewGuid().ToString() });
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload["order"]!;
    }

    public static async Task<JsonNode> PayAsync(this ShopServer server, string orderId, string method, string? cardToken, string? idempotencyKey = null, string? accessToken = null) =>
        (await server.DataAsync(PayOrder, new { input = new { orderId, method, cardToken, idempotencyKey = idempotencyKey ?? Guid.NewGuid().ToString() } }, accessToken))["payOrder"]!;

    /// <summary>
    /// The signed-in customer buys one of the product as a shopper's client does: cart, checkout, then (unless
    /// <paramref name="pay"/> is false) a card tokenized at the sandbox and payOrder. Returns the order, which must be PAID
    /// when paid.
    /// </summary>
    public static async Task<JsonNode> BuyAsync(this ShopServer server, string accessToken, string productId, int quantity = 1, bool pay = true)
    {
        await server.AddToCartAsync(productId, quantity, accessToken: accessToken);
        var placed = await server.CheckoutAsync(new { shippingAddress = Address, idempotencyKey = Guid.NewGuid().ToString() }, accessToken);
        Assert.True(placed["errors"]!.AsArray().Count == 0, placed.ToJsonString());
        if (!pay)
        {
            return placed["order"]!;
        }

        var paid = await server.PayAsync(placed["order"]!["id"]!.GetValue<string>(), "CARD", await server.TokenizeAsync(), accessToken: accessToken);
        Assert.True(paid["errors"]!.AsArray().Count == 0, paid.ToJsonString());
        Assert.Equal("PAID", paid["order"]!.Status());
        return paid["order"]!;
    }

    /// <summary>Cancels the order through cancelOrder, which must succeed; returns the order.</summary>
    public static async Task<JsonNode> CancelOrderAsync(this ShopServer server, string orderId, string? accessToken = null, string? reason = null)
    {
        var payload = (await server.DataAsync(
            "mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { order { id status } errors { code message } } }",
            new { input = new { orderId, reason } },
            accessToken))["cancelOrder"]!;
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload["order"]!;
    }

    /// <summary>Tokenizes a card at the sandbox, as the shopper's client does; returns the token.</summary>
    public static async Task<string> TokenizeAsync(this ShopServer server, string number = GoodCard)
    {
        using var response = await server.Http.PostAsJsonAsync(
            "/sandbox/payments/tokens",
            new { number, expMonth = 12, expYear = DateTime.UtcNow.Year + 2, cvc = "123" },
            TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var body = (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!;
        return body["token"]!.GetValue<string>();
    }

    public static async Task<JsonNode?> OrderAsync(this ShopServer server, string orderId, string? accessToken = null) =>
        (await server.DataAsync(Order, new { id = orderId }, accessToken))["order"];

    /// <summary>The product's stock as an admin sees it: available, on hand, reserved.</summary>
    public static async Task<(int Available, int OnHand, int Reserved)> StockAsync(this ShopServer server, string productId, string adminToken)
    {
        var stock = (await server.DataAsync(
            "query($id: ID) { product(id: $id) { stock { available onHand reserved } } }", new { id = productId }, adminToken))["product"]!["stock"]!;
        return (stock["available"]!.GetValue<int>(), stock["onHand"]!.GetValue<int>(), stock["reserved"]!.GetValue<int>());
    }

    /// <summary>Reads the order until <paramref name="done"/> holds (a webhook or a reminder changes it in the background); returns it.</summary>
    public static Task<JsonNode> WaitForOrderAsync(this ShopServer server, string orderId, Func<JsonNode, bool> done, string? accessToken = null, int seconds = 20) =>
        Eventually.UntilAsync(async () => (await server.OrderAsync(orderId, accessToken))!, done, seconds);

    public static string Status(this JsonNode order) => order["status"]!.GetValue<string>();

    public static IReadOnlyList<string> Codes(this JsonNode payload) => [.. payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>())];

    public static async Task AdminAdjustAsync(this ShopServer server, string productId, int delta, string adminToken)
    {
        var payload = (await server.DataAsync(
            "mutation($input: AdjustStockInput!) { adjustStock(input: $input) { errors { code message } } }",
            new { input = new { productId, delta, reason = "test" } },
            adminToken))["adjustStock"]!;
        Assert.Empty(payload["errors"]!.AsArray());
    }
}
