using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using OrleansShop.Api.Payments;
using OrleansShop.Api.Schema;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>
/// Rotating the payment sandbox's shared secret in Key Vault while the API runs, over real HTTP: notifications and API calls
/// made with the previous secret are accepted until it is removed, those made with any other secret never are.
/// </summary>
public sealed class WebhookSecretRotationTests
{
    private const string Current = "OrleansShop--Payments--Sandbox--WebhookSecret";
    private const string Previous = "OrleansShop--Payments--Sandbox--PreviousWebhookSecrets--0";

    [Fact]
    public async Task A_notification_signed_with_a_previous_secret_is_applied_and_one_signed_with_an_unknown_secret_is_refused()
    {
        var (previous, current, unknown) = (VaultedShopServer.NewSecret(), VaultedShopServer.NewSecret(), VaultedShopServer.NewSecret());
        await using var server = await VaultedShopServer.StartAsync(new InMemoryVault((Current, current), (Previous, previous)));
        var productId = await server.CreateProductAsync(price: "15.00", stock: 5);
        var signedWithPrevious = await PendingNotificationAsync(server, productId);
        var signedWithCurrent = await PendingNotificationAsync(server, productId);

        using (var refused = await PostWebhookAsync(server, signedWithPrevious.Body, unknown))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Equal("PAYMENT_PENDING", (await server.OrderAsync(signedWithPrevious.OrderId))!.Status());
        using (var applied = await PostWebhookAsync(server, signedWithPrevious.Body, previous))
        {
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        }

        using (var applied = await PostWebhookAsync(server, signedWithCurrent.Body, current))
        {
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        }

        Assert.Equal("PAID", (await server.OrderAsync(signedWithPrevious.OrderId))!.Status());
        Assert.Equal("PAID", (await server.OrderAsync(signedWithCurrent.OrderId))!.Status());

        // The sandbox's API takes the key derived from either secret (a silo still on the previous one keeps charging).
        Assert.NotEqual(HttpStatusCode.Unauthorized, await RefundStatusAsync(server, previous));
        Assert.NotEqual(HttpStatusCode.Unauthorized, await RefundStatusAsync(server, current));
        Assert.Equal(HttpStatusCode.Unauthorized, await RefundStatusAsync(server, unknown));
    }

    [Fact]
    public async Task A_secret_rotated_in_the_vault_is_used_without_a_restart_and_the_previous_one_is_refused_once_removed()
    {
        var (first, second) = (VaultedShopServer.NewSecret(), VaultedShopServer.NewSecret());
        var vault = new InMemoryVault((Current, first));
        await using var server = await VaultedShopServer.StartAsync(vault);
        var productId = await server.CreateProductAsync(price: "15.00", stock: 10);
        Assert.Equal(HttpStatusCode.Unauthorized, await RefundStatusAsync(server, second));

        vault.Set(Previous, first);
        vault.Set(Current, second);
        await Poll.UntilAsync(async () => await RefundStatusAsync(server, second) != HttpStatusCode.Unauthorized);

        // The co-hosted silo's gateway now calls the sandbox with the new secret's key, and a card payment goes through.
        var buyer = (await server.RegisterAsync(ShopServer.UniqueEmail()))["accessToken"]!.GetValue<string>();
        Assert.Equal("PAID", (await server.BuyAsync(buyer, productId)).Status());
        var late = await PendingNotificationAsync(server, productId);
        using (var applied = await PostWebhookAsync(server, late.Body, first))
        {
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        }

        vault.Disable(Previous);
        await Poll.UntilAsync(async () => await RefundStatusAsync(server, first) == HttpStatusCode.Unauthorized);
        var afterwards = await PendingNotificationAsync(server, productId);
        using (var refused = await PostWebhookAsync(server, afterwards.Body, first))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Equal("PAYMENT_PENDING", (await server.OrderAsync(afterwards.OrderId))!.Status());
    }

    [Theory]
    [InlineData("OrleansShop:Payments:Sandbox:WebhookSecret")]
    [InlineData("OrleansShop:Payments:Sandbox:PreviousWebhookSecrets:0")]
    public void A_webhook_secret_shorter_than_32_bytes_stops_start_up_with_a_message_naming_it(string setting)
    {
        const string tooShort = "thirty-one-bytes-is-not-enough!";
        var error = ShopServer.StartUpFailure(
            "Production",
            "OrleansShop:Auth:SigningKey=" + VaultedShopServer.NewSecret(),
            "OrleansShop:Payments:Sandbox:WebhookSecret=" + VaultedShopServer.NewSecret(),
            $"{setting}={tooShort}");

        Assert.Equal($"{setting} must be at least 32 bytes long.", error.Message);
    }

    /// <summary>An order awaiting a redirect payment, and the notification that settles it (unsigned).</summary>
    private static async Task<(string OrderId, byte[] Body)> PendingNotificationAsync(ShopServer server, string productId)
    {
        var orderId = (await server.GuestCheckoutAsync(await server.AddToCartAsync(productId)))["id"]!.GetValue<string>();
        var payment = (await server.PayAsync(orderId, "ALIPAY", null))["payment"]!;
        var orderKey = Encoding.UTF8.GetString(Convert.FromBase64String(orderId)).Split(':')[1];
        var paymentKey = GlobalId.KeyOf(payment["id"]!.GetValue<string>(), "Payment");
        return (orderId, Encoding.UTF8.GetBytes(
            $$"""{"id":"evt_{{Guid.NewGuid():N}}","type":"payment.succeeded","chargeId":"ch_x","orderId":"{{orderKey}}","paymentId":"{{paymentKey}}"}"""));
    }

    private static async Task<HttpResponseMessage> PostWebhookAsync(ShopServer server, byte[] body, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PaymentWebhookEndpoint.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(Encoding.UTF8.GetBytes(secret), DateTimeOffset.UtcNow, body));
        return await server.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>A refund of no payment, with the API key derived from <paramref name="secret"/>: 401 when the key is not accepted.</summary>
    private static async Task<HttpStatusCode> RefundStatusAsync(ShopServer server, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/payments/refunds") { Content = JsonContent.Create(new { paymentId = "no-such-payment" }) };
        request.Headers.Authorization = new("Bearer", Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "sandbox api key"u8)));
        using var response = await server.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
