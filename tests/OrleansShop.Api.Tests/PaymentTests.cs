using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OrleansShop.Api.Payments;
using OrleansShop.Api.Schema;
using OrleansShop.Api.Tests.Support;
using OrleansShop.Silo.Hosting.Payments;

namespace OrleansShop.Api.Tests;

/// <summary>The payment sandbox's operational contract and the shop's webhook, over real HTTP.</summary>
public sealed class PaymentTests(SharedShopServer fixture)
{
    private ShopServer Server => fixture.Server;

    [Theory]
    [InlineData(Shopping.GoodCard, "Visa", "4242")]
    [InlineData("4242 4242 4242 4242", "Visa", "4242")]
    [InlineData(Shopping.DeclinedCard, "Visa", "0002")]
    [InlineData(Shopping.InsufficientFundsCard, "Visa", "9995")]
    [InlineData("5555555555554444", "Mastercard", "4444")]
    public async Task Tokenizing_a_valid_card_returns_a_token_brand_and_last_four_only(string number, string brand, string last4)
    {
        using var response = await TokenizeAsync(new { number, expMonth = 1, expYear = DateTime.UtcNow.Year + 1, cvc = "123" });

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(["token", "brand", "last4"], body.Select(p => p.Key));
        Assert.StartsWith("tok_", body["token"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(brand, body["brand"]!.GetValue<string>());
        Assert.Equal(last4, body["last4"]!.GetValue<string>());
        Assert.DoesNotContain(number.Replace(" ", string.Empty, StringComparison.Ordinal), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4242424242424241", 12, 1, "123", "Luhn")]
    [InlineData("42424242", 12, 1, "123", "12 to 19 digits")]
    [InlineData("4242abcd42424242", 12, 1, "123", "12 to 19 digits")]
    [InlineData(Shopping.GoodCard, 13, 1, "123", "month")]
    [InlineData(Shopping.GoodCard, 1, -1, "123", "expired")]
    [InlineData(Shopping.GoodCard, 12, 1, "12", "CVC")]
    [InlineData(Shopping.GoodCard, 12, 1, "12a", "CVC")]
    [InlineData(null, 12, 1, "123", "12 to 19 digits")]
    public async Task An_invalid_card_is_a_400_with_a_clear_message_that_does_not_echo_the_number(string? number, int month, int yearsAhead, string cvc, string reason)
    {
        using var response = await TokenizeAsync(new { number, expMonth = month, expYear = DateTime.UtcNow.Year + yearsAhead, cvc });

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, JsonNode.Parse(text)!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(number ?? "\u0000", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_a_card_object_is_a_400()
    {
        using var content = new StringContent("[1,2", Encoding.UTF8, "application/json");
        using var response = await Server.Http.PostAsync("/sandbox/payments/tokens", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_sandbox_charges_and_refunds_only_for_the_shop_holding_its_api_key()
    {
        using var charge = await Server.Http.PostAsJsonAsync(
            "/sandbox/payments/charges",
            new { method = "card", amount = "1.00", currency = "USD", token = "tok_x", orderId = "o", paymentId = "p" },
            TestContext.Current.CancellationToken);
        using var refund = await Server.Http.PostAsJsonAsync("/sandbox/payments/refunds", new { paymentId = "p" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, charge.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refund.StatusCode);
    }

    [Fact]
    public async Task A_charge_retried_with_its_idempotency_key_is_taken_once_and_the_key_cannot_be_reused_for_another_charge()
    {
        var secret = Convert.FromBase64String(await File.ReadAllTextAsync(Path.Combine(Server.DataDirectory, SandboxSecret.FileName), TestContext.Current.CancellationToken));
        var apiKey = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(secret, "sandbox api key"u8));
        var token = await Server.TokenizeAsync();
        var key = Guid.NewGuid().ToString();
        var charge = new { method = "card", amount = "3.50", currency = "USD", token, orderId = "order-1", paymentId = "payment-1" };

        var first = await ChargeAsync(charge, key, apiKey);
        var retried = await ChargeAsync(charge, key, apiKey);
        var other = await ChargeAsync(charge with { amount = "99.00" }, key, apiKey);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("authorized", first.Body["status"]!.GetValue<string>());
        Assert.Equal(first.Body["id"]!.GetValue<string>(), retried.Body["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, other.Status);
        Assert.Equal("idempotency_key_reused", other.Body["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unsigned_and_forged_notifications_are_refused_and_change_nothing_while_a_signed_one_is_applied_once()
    {
        var productId = await Server.CreateProductAsync(price: "15.00", stock: 5);
        var orderId = (await Server.GuestCheckoutAsync(await Server.AddToCartAsync(productId)))["id"]!.GetValue<string>();
        var payment = (await Server.PayAsync(orderId, "ALIPAY", null))["payment"]!;
        var orderKey = Encoding.UTF8.GetString(Convert.FromBase64String(orderId)).Split(':')[1];
        var body = Encoding.UTF8.GetBytes(
            $$"""{"id":"evt_test","type":"payment.succeeded","chargeId":"ch_x","orderId":"{{orderKey}}","paymentId":"{{GlobalId.KeyOf(payment["id"]!.GetValue<string>(), "Payment")}}"}""");
        var secret = Convert.FromBase64String(await File.ReadAllTextAsync(Path.Combine(Server.DataDirectory, SandboxSecret.FileName), TestContext.Current.CancellationToken));

        using var unsigned = await PostWebhookAsync(body, null);
        using var forged = await PostWebhookAsync(body, WebhookSignature.Sign(new byte[48], DateTimeOffset.UtcNow, body));
        using var stale = await PostWebhookAsync(body, WebhookSignature.Sign(secret, DateTimeOffset.UtcNow.AddHours(-1), body));
        using var tampered = await PostWebhookAsync([.. body, (byte)' '], WebhookSignature.Sign(secret, DateTimeOffset.UtcNow, body));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        var unchanged = (await Server.OrderAsync(orderId))!;
        Assert.Equal("PAYMENT_PENDING", unchanged.Status());
        Assert.Equal("PENDING", unchanged["payments"]![0]!["status"]!.GetValue<string>());

        using var signed = await PostWebhookAsync(body, WebhookSignature.Sign(secret, DateTimeOffset.UtcNow, body));
        using var redelivered = await PostWebhookAsync(body, WebhookSignature.Sign(secret, DateTimeOffset.UtcNow, body));
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        var paid = (await Server.OrderAsync(orderId))!;
        Assert.Equal("PAID", paid.Status());
        Assert.Equal("CAPTURED", Assert.Single(paid["payments"]!.AsArray())!["status"]!.GetValue<string>());
        Assert.Equal(2, paid["history"]!.AsArray().Count);
    }

    [Fact]
    public async Task No_card_number_or_cvc_is_stored_anywhere_in_the_data_directory()
    {
        var productId = await Server.CreateProductAsync(price: "9.00", stock: 5);
        var orderId = (await Server.GuestCheckoutAsync(await Server.AddToCartAsync(productId)))["id"]!.GetValue<string>();
        using var tokenized = await TokenizeAsync(new { number = "4000056655665556", expMonth = 7, expYear = DateTime.UtcNow.Year + 3, cvc = "987" });
        var cardToken = JsonNode.Parse(await tokenized.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["token"]!.GetValue<string>();
        var paid = await Server.PayAsync(orderId, "CARD", cardToken);
        Assert.Equal("5556", paid["payment"]!["cardLast4"]!.GetValue<string>());

        foreach (var file in Directory.EnumerateFiles(Server.DataDirectory, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
                bytes = copy.ToArray();
            }

            var text = Encoding.Latin1.GetString(bytes);
            Assert.DoesNotContain("4000056655665556", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"987\"", text, StringComparison.Ordinal);
        }
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> ChargeAsync(object charge, string idempotencyKey, string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/payments/charges") { Content = JsonContent.Create(charge) };
        request.Headers.Authorization = new("Bearer", apiKey);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await Server.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!);
    }

    private Task<HttpResponseMessage> TokenizeAsync(object card) =>
        Server.Http.PostAsJsonAsync("/sandbox/payments/tokens", card, TestContext.Current.CancellationToken);

    private async Task<HttpResponseMessage> PostWebhookAsync(byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PaymentWebhookEndpoint.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null)
        {
            request.Headers.Add(WebhookSignature.Header, signature);
        }

        return await Server.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
