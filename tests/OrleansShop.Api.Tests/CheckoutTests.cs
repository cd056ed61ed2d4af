using System.Text.Json.Nodes;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

public sealed class CheckoutTests(SharedShopServer fixture)
{
    private ShopServer Server => fixture.Server;

    [Fact]
    public async Task A_shopper_registers_browses_checks_out_pays_by_card_and_finds_the_order_in_their_history()
    {
        var admin = await Server.AdminTokenAsync();
        var productId = await Server.CreateProductAsync(price: "12.50", stock: 10, adminToken: admin);
        var email = ShopServer.UniqueEmail();
        var token = (await Server.RegisterAsync(email))["accessToken"]!.GetValue<string>();
        var browsed = await Server.DataAsync("query($id: ID) { product(id: $id) { name price { amount } stock { available } } }", new { id = productId }, token);
        Assert.Equal(10, browsed["product"]!["stock"]!["available"]!.GetValue<int>());
        await Server.AddToCartAsync(productId, 2, accessToken: token);
        var saved = await Server.DataAsync(
            "mutation($input: AddAddressInput!) { addAddress(input: $input) { customer { addresses { id } } errors { code } } }",
            new { input = new { address = Shopping.Address, makeDefault = true } },
            token);
        var addressId = saved["addAddress"]!["customer"]!["addresses"]![0]!["id"]!.GetValue<string>();

        var placed = await Server.CheckoutAsync(new { shippingAddressId = addressId, idempotencyKey = "journey-1" }, token);
        Assert.Empty(placed["errors"]!.AsArray());
        var order = placed["order"]!;
        var orderId = order["id"]!.GetValue<string>();
        Assert.Equal("PAYMENT_PENDING", order.Status());
        Assert.Equal(email, order["email"]!.GetValue<string>());
        Assert.Equal(email, order["customer"]!["email"]!.GetValue<string>());
        Assert.Equal("25.00", order["subtotal"]!["amount"]!.GetValue<string>());
        Assert.Equal("30.00", order["total"]!["amount"]!.GetValue<string>());
        Assert.Equal("GB", order["shippingAddress"]!["country"]!.GetValue<string>());
        Assert.Equal(productId, order["lines"]![0]!["product"]!["id"]!.GetValue<string>());
        Assert.NotNull(order["reservationExpiresAt"]);
        Assert.StartsWith("OS-", order["number"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, (await Server.DataAsync("{ cart { itemCount } }", accessToken: token))["cart"]!["itemCount"]!.GetValue<int>());
        Assert.Equal((8, 10, 2), await Server.StockAsync(productId, admin));

        var cardToken = await Server.TokenizeAsync();
        var paid = await Server.PayAsync(orderId, "CARD", cardToken, accessToken: token);
        Assert.Empty(paid["errors"]!.AsArray());
        Assert.Equal("PAID", paid["order"]!.Status());
        Assert.Equal("CAPTURED", paid["payment"]!["status"]!.GetValue<string>());
        Assert.Equal("Visa", paid["payment"]!["cardBrand"]!.GetValue<string>());
        Assert.Equal("4242", paid["payment"]!["cardLast4"]!.GetValue<string>());
        Assert.Null(paid["order"]!["reservationExpiresAt"]);
        Assert.Equal((8, 8, 0), await Server.StockAsync(productId, admin));

        var second = await Server.CheckoutAsync(new { shippingAddress = Shopping.Address, idempotencyKey = "journey-2" }, token);
        Assert.Equal(["CART_EMPTY"], second.Codes());
        Assert.Null(second["errors"]![0]!["field"]); // the signed-in shopper sent no cartId to point at
        await Server.AddToCartAsync(productId, 1, accessToken: token);
        var later = (await Server.CheckoutAsync(new { shippingAddress = Shopping.Address, idempotencyKey = "journey-2" }, token))["order"]!;

        var history = (await Server.DataAsync(
            "{ me { orders(first: 1) { totalCount nodes { id status } pageInfo { hasNextPage endCursor } } } }", accessToken: token))["me"]!["orders"]!;
        Assert.Equal(2, history["totalCount"]!.GetValue<int>());
        Assert.Equal(later["id"]!.GetValue<string>(), history["nodes"]![0]!["id"]!.GetValue<string>());
        Assert.True(history["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        var next = (await Server.DataAsync(
            "query($after: String) { me { orders(first: 5, after: $after) { nodes { id status history { status } } } } }",
            new { after = history["pageInfo"]!["endCursor"]!.GetValue<string>() },
            token))["me"]!["orders"]!["nodes"]!.AsArray();
        var first = Assert.Single(next)!;
        Assert.Equal(orderId, first["id"]!.GetValue<string>());
        Assert.Equal("PAID", first.Status());
        Assert.Equal(["PAYMENT_PENDING", "PAID"], first["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()));
        var node = await Server.DataAsync("query($id: ID!) { node(id: $id) { ... on Order { number status } } }", new { id = orderId }, token);
        Assert.Equal("PAID", node["node"]!.Status());
    }

    [Fact]
    public async Task A_guest_pays_with_Alipay_on_the_sandbox_page_and_the_signed_notification_marks_the_order_paid()
    {
        var productId = await Server.CreateProductAsync(price: "60.00", stock: 5);
        var cartId = await Server.AddToCartAsync(productId);
        var order = await Server.GuestCheckoutAsync(cartId);
        var orderId = order["id"]!.GetValue<string>();
        Assert.Null(order["customer"]);
        Assert.Equal(order["subtotal"]!["amount"]!.GetValue<string>(), order["total"]!["amount"]!.GetValue<string>());

        var pending = await Server.PayAsync(orderId, "ALIPAY", null);
        Assert.Empty(pending["errors"]!.AsArray());
        Assert.Equal("PENDING", pending["payment"]!["status"]!.GetValue<string>());
        Assert.Equal("PAYMENT_PENDING", pending["order"]!.Status());
        var redirectUrl = pending["payment"]!["redirectUrl"]!.GetValue<string>();
        Assert.StartsWith(Server.Http.BaseAddress!.ToString(), redirectUrl, StringComparison.Ordinal);

        var page = await Server.Http.GetStringAsync(new Uri(redirectUrl), TestContext.Current.CancellationToken);
        Assert.Contains("60.00 USD", page, StringComparison.Ordinal);
        Assert.Contains("approve", page, StringComparison.Ordinal);
        using var approved = await Server.Http.PostAsync(new Uri(redirectUrl + "/approve"), null, TestContext.Current.CancellationToken);
        Assert.True(approved.IsSuccessStatusCode);

        var paid = await Server.WaitForOrderAsync(orderId, o => o.Status() == "PAID");
        Assert.Equal("PAID", paid.Status());
        var payment = Assert.Single(paid["payments"]!.AsArray())!;
        Assert.Equal("CAPTURED", payment["status"]!.GetValue<string>());
        Assert.Equal("ALIPAY", payment["method"]!.GetValue<string>());

        // The shopper's second click changes nothing; cancelling after approving is refused by the sandbox.
        using var again = await Server.Http.PostAsync(new Uri(redirectUrl + "/approve"), null, TestContext.Current.CancellationToken);
        using var cancel = await Server.Http.PostAsync(new Uri(redirectUrl + "/cancel"), null, TestContext.Current.CancellationToken);
        Assert.True(again.IsSuccessStatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, cancel.StatusCode);
        var after = (await Server.OrderAsync(orderId))!;
        Assert.Equal("PAID", after.Status());
        Assert.Single(after["payments"]!.AsArray());
    }

    [Fact]
    public async Task An_Alipay_payment_the_shopper_cancels_leaves_the_order_payable_by_card()
    {
        var productId = await Server.CreateProductAsync(price: "8.00", stock: 5);
        var orderId = (await Server.GuestCheckoutAsync(await Server.AddToCartAsync(productId)))["id"]!.GetValue<string>();
        var redirectUrl = (await Server.PayAsync(orderId, "ALIPAY", null))["payment"]!["redirectUrl"]!.GetValue<string>();

        using var cancelled = await Server.Http.PostAsync(new Uri(redirectUrl + "/cancel"), null, TestContext.Current.CancellationToken);
        Assert.True(cancelled.IsSuccessStatusCode);
        var declined = await Server.WaitForOrderAsync(orderId, o => o["payments"]![0]!["status"]!.GetValue<string>() != "PENDING");
        Assert.Equal("DECLINED", declined["payments"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("PAYMENT_PENDING", declined.Status());

        var paid = await Server.PayAsync(orderId, "CARD", await Server.TokenizeAsync());
        Assert.Empty(paid["errors"]!.AsArray());
        Assert.Equal("PAID", paid["order"]!.Status());
    }

    [Fact]
    public async Task Approving_on_the_Alipay_page_sends_the_shopper_back_to_a_path_of_the_shop_after_the_notification_never_to_another_site()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Server.Http.BaseAddress };
        var ct = TestContext.Current.CancellationToken;
        var productId = await Server.CreateProductAsync(price: "9.00", stock: 5);
        var orderId = (await Server.GuestCheckoutAsync(await Server.AddToCartAsync(productId)))["id"]!.GetValue<string>();
        var redirectUrl = (await Server.PayAsync(orderId, "ALIPAY", null))["payment"]!["redirectUrl"]!.GetValue<string>();
        var back = "/orders/" + Uri.EscapeDataString(orderId);

        var page = await browser.GetStringAsync(new Uri($"{redirectUrl}?return={Uri.EscapeDataString(back)}"), ct);
        Assert.Contains($"approve?return={Uri.EscapeDataString(back)}", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var foreignPage = await browser.GetStringAsync(new Uri($"{redirectUrl}?return={Uri.EscapeDataString("https://elsewhere.example/")}"), ct);
        Assert.DoesNotContain("elsewhere", foreignPage, StringComparison.Ordinal);

        using var approved = await browser.PostAsync(new Uri($"{redirectUrl}/approve?return={Uri.EscapeDataString(back)}"), null, ct);
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, approved.StatusCode);
        Assert.Equal(back, approved.Headers.Location?.OriginalString);

        // The shop heard of it before the shopper was sent back, so the page they land on already says PAID.
        Assert.Equal("PAID", (await Server.OrderAsync(orderId))!.Status());

        // Another site, a scheme-relative or backslashed path is never followed: the answer stays the sandbox's own.
        foreach (var foreign in new[] { "https://elsewhere.example/", "//elsewhere.example/x", "/\\elsewhere.example", "orders/x" })
        {
            using var refused = await browser.PostAsync(new Uri($"{redirectUrl}/approve?return={Uri.EscapeDataString(foreign)}"), null, ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, refused.StatusCode);
            Assert.Null(refused.Headers.Location);
        }
    }

    [Fact]
    public async Task A_declined_card_leaves_the_order_payable_and_a_good_card_then_pays_it()
    {
        var admin = await Server.AdminTokenAsync();
        var productId = await Server.CreateProductAsync(price: "20.00", stock: 3, adminToken: admin);
        var orderId = (await Server.GuestCheckoutAsync(await Server.AddToCartAsync(productId)))["id"]!.GetValue<string>();

        var declined = await Server.PayAsync(orderId, "CARD", await Server.TokenizeAsync(Shopping.DeclinedCard));
        var poor = await Server.PayAsync(orderId, "CARD", await Server.TokenizeAsync(Shopping.InsufficientFundsCard));
        var unknownToken = await Server.PayAsync(orderId, "CARD", "tok_made_up");

        Assert.Equal(["PAYMENT_DECLINED"], declined.Codes());
        Assert.Equal("DECLINED", declined["payment"]!["status"]!.GetValue<string>());
        Assert.Equal("0002", declined["payment"]!["cardLast4"]!.GetValue<string>());
        Assert.Equal("PAYMENT_PENDING", declined["order"]!.Status());
        Assert.Equal(["PAYMENT_DECLINED"], poor.Codes());
        Assert.Contains("insufficient funds", poor["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["PAYMENT_DECLINED"], unknownToken.Codes());
        Assert.Equal((2, 3, 1), await Server.StockAsync(productId, admin));

        var paid = await Server.PayAsync(orderId, "CARD", await Server.TokenizeAsync());
        Assert.Empty(paid["errors"]!.AsArray());
        Assert.Equal("PAID", paid["order"]!.Status());
        Assert.Equal(["DECLINED", "DECLINED", "DECLINED", "CAPTURED"], paid["order"]!["payments"]!.AsArray().Select(p => p!["status"]!.GetValue<string>()));
        Assert.Equal((2, 2, 0), await Server.StockAsync(productId, admin));
    }

    [Fact]
    public async Task A_retried_checkout_or_payment_with_the_same_key_returns_the_first_result_and_takes_nothing_twice()
    {
        var admin = await Server.AdminTokenAsync();
        var productId = await Server.CreateProductAsync(price: "5.00", stock: 10, adminToken: admin);
        var cartId = await Server.AddToCartAsync(productId, 3);
        var input = new { cartId, email = "guest@example.com", shippingAddress = Shopping.Address, idempotencyKey = "same-key" };

        var first = await Server.CheckoutAsync(input);
        var retries = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Server.CheckoutAsync(input)));
        var orderId = first["order"]!["id"]!.GetValue<string>();
        Assert.All(retries, r => Assert.Equal(orderId, r["order"]!["id"]!.GetValue<string>()));
        Assert.Equal((7, 10, 3), await Server.StockAsync(productId, admin));

        var cardToken = await Server.TokenizeAsync();
        var payments = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Server.PayAsync(orderId, "CARD", cardToken, "pay-once")));
        var paymentIds = payments.Select(p => p["payment"]!["id"]!.GetValue<string>()).Distinct().ToList();
        Assert.Single(paymentIds);
        Assert.All(payments, p => Assert.Empty(p["errors"]!.AsArray()));
        var order = (await Server.OrderAsync(orderId))!;
        Assert.Equal("PAID", order.Status());
        Assert.Single(order["payments"]!.AsArray());

        var another = await Server.PayAsync(orderId, "CARD", cardToken, "pay-twice");
        Assert.Equal(["INVALID_STATE"], another.Codes());
        Assert.Single((await Server.OrderAsync(orderId))!["payments"]!.AsArray());
        Assert.Equal((7, 7, 0), await Server.StockAsync(productId, admin));
    }

    [Fact]
    public async Task A_checkout_refused_for_stock_runs_again_under_the_same_key_once_the_cart_is_fixed()
    {
        var admin = await Server.AdminTokenAsync();
        var productId = await Server.CreateProductAsync(price: "5.00", stock: 3, adminToken: admin);
        var cartId = await Server.AddToCartAsync(productId, 3);
        await Server.AdminAdjustAsync(productId, -2, admin);
        var input = new { cartId, email = "a@example.com", shippingAddress = Shopping.Address, idempotencyKey = Guid.NewGuid().ToString() };

        var refused = await Server.CheckoutAsync(input);
        await Server.DataAsync(
            "mutation($input: UpdateCartItemInput!) { updateCartItem(input: $input) { errors { code } } }", new { input = new { cartId, productId, quantity = 1 } });
        var placed = await Server.CheckoutAsync(input);
        var again = await Server.CheckoutAsync(input);

        AssertError(refused, "OUT_OF_STOCK");
        Assert.True(placed["errors"]!.AsArray().Count == 0, placed.ToJsonString());
        Assert.Equal(placed["order"]!["id"]!.GetValue<string>(), again["order"]!["id"]!.GetValue<string>());
        Assert.Equal((0, 1, 1), await Server.StockAsync(productId, admin));
    }

    [Fact]
    public async Task Bad_checkout_and_payment_inputs_answer_user_errors_and_change_nothing()
    {
        var admin = await Server.AdminTokenAsync();
        var productId = await Server.CreateProductAsync(price: "5.00", stock: 4, adminToken: admin);
        var cartId = await Server.AddToCartAsync(productId, 2);
        var emptyCart = await Server.AddToCartAsync(productId, 1);
        await Server.DataAsync(
            "mutation($input: RemoveCartItemInput!) { removeCartItem(input: $input) { errors { code } } }", new { input = new { cartId = emptyCart, productId } });
        var tooMany = await Server.AddToCartAsync(productId, 4);
        await Server.AdminAdjustAsync(productId, -1, admin);
        var token = (await Server.RegisterAsync(ShopServer.UniqueEmail()))["accessToken"]!.GetValue<string>();
        var key = Guid.NewGuid().ToString();

        var noEmail = await Server.CheckoutAsync(new { cartId, shippingAddress = Shopping.Address, idempotencyKey = key });
        var badEmail = await Server.CheckoutAsync(new { cartId, email = "not-an-email", shippingAddress = Shopping.Address, idempotencyKey = key + "e" });
        var noAddress = await Server.CheckoutAsync(new { cartId, email = "a@example.com", idempotencyKey = key });
        var bothAddresses = await Server.CheckoutAsync(new { cartId, email = "a@example.com", shippingAddress = Shopping.Address, shippingAddressId = "x", idempotencyKey = key });
        var badCountry = await Server.CheckoutAsync(new { cartId, email = "a@example.com", shippingAddress = new { name = "A", line1 = "1 Road", city = "C", postalCode = "1", country = "England" }, idempotencyKey = key + "c" });
        var noCart = await Server.CheckoutAsync(new { email = "a@example.com", shippingAddress = Shopping.Address, idempotencyKey = key });
        var malformedCart = await Server.CheckoutAsync(new { cartId = "nope", email = "a@example.com", shippingAddress = Shopping.Address, idempotencyKey = key });
        var unknownSaved = await Server.CheckoutAsync(new { shippingAddressId = "no-such-address", idempotencyKey = key }, token);
        var blankKey = await Server.CheckoutAsync(new { cartId, email = "a@example.com", shippingAddress = Shopping.Address, idempotencyKey = " " });
        var empty = await Server.CheckoutAsync(new { cartId = emptyCart, email = "a@example.com", shippingAddress = Shopping.Address, idempotencyKey = key });
        var outOfStock = await Server.CheckoutAsync(new { cartId = tooMany, email = "a@example.com", shippingAddress = Shopping.Address, idempotencyKey = key });

        AssertError(noEmail, "INVALID_INPUT", "input", "email");
        AssertError(badEmail, "INVALID_INPUT", "input", "email");
        AssertError(noAddress, "INVALID_INPUT", "input", "shippingAddress");
        AssertError(bothAddresses, "INVALID_INPUT", "input", "shippingAddressId");
        AssertError(badCountry, "INVALID_INPUT", "input", "shippingAddress", "country");
        AssertError(noCart, "INVALID_INPUT", "input", "cartId");
        AssertError(malformedCart, "NOT_FOUND", "input", "cartId");
        AssertError(unknownSaved, "NOT_FOUND", "input", "shippingAddressId");
        AssertError(blankKey, "INVALID_INPUT", "input", "idempotencyKey");
        AssertError(empty, "CART_EMPTY", "input", "cartId");
        AssertError(outOfStock, "OUT_OF_STOCK");
        Assert.Equal(2, (await Server.DataAsync("query($id: ID) { cart(id: $id) { itemCount } }", new { id = cartId }))["cart"]!["itemCount"]!.GetValue<int>());
        Assert.Equal(4, (await Server.DataAsync("query($id: ID) { cart(id: $id) { itemCount } }", new { id = tooMany }))["cart"]!["itemCount"]!.GetValue<int>());
        Assert.Equal((3, 3, 0), await Server.StockAsync(productId, admin));

        var orderId = (await Server.GuestCheckoutAsync(cartId))["id"]!.GetValue<string>();
        var noToken = await Server.PayAsync(orderId, "CARD", null);
        var unknownOrder = await Server.PayAsync("T3JkZXI6bm9wZQ==", "CARD", "tok_x");
        var blankPaymentKey = await Server.PayAsync(orderId, "CARD", "tok_x", " ");
        AssertError(noToken, "INVALID_INPUT", "input", "cardToken");
        AssertError(unknownOrder, "NOT_FOUND", "input", "orderId");
        AssertError(blankPaymentKey, "INVALID_INPUT", "input", "idempotencyKey");
        var order = (await Server.OrderAsync(orderId))!;
        Assert.Equal("PAYMENT_PENDING", order.Status());
        Assert.Empty(order["payments"]!.AsArray());
    }

    private static void AssertError(JsonNode payload, string code, params string[] field)
    {
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.True(code == error["code"]!.GetValue<string>(), payload.ToJsonString());
        Assert.Equal(field, error["field"]?.AsArray().Select(f => f!.GetValue<string>()) ?? []);
        // A refused payment attempt shows the order as it stands, but no payment; a refused checkout shows no order.
        Assert.Null(payload.AsObject().ContainsKey("payment") ? payload["payment"] : payload["order"]);
    }
}
