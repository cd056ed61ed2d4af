using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using OrleansShop.GrainInterfaces;
using OrleansShop.Grains;

namespace OrleansShop.Silo.Hosting.Payments;

/// <summary>
/// The order grain's payment port over the sandbox's HTTP API, as it would be over a real provider's: a card is
/// authorized and then captured, a redirect method answers Pending with the page to send the shopper to, a refund is
/// asked for by our payment id. Every call carries an idempotency key derived from the order and the client's key, so a
/// retried charge is never taken twice.
/// </summary>
internal sealed class SandboxPaymentGateway(IHttpClientFactory clients, SandboxAddress address, SandboxSecret secret) : IPaymentGateway
{
    public async Task<PaymentGatewayResult> ChargeAsync(PaymentCharge charge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(charge);
        var key = $"charge:{charge.OrderId}:{charge.IdempotencyKey}";
        var body = new
        {
            method = charge.Method == PaymentMethod.Alipay ? "alipay" : "card",
            amount = charge.Amount.Amount.ToString(CultureInfo.InvariantCulture),
            currency = charge.Amount.Currency,
            token = charge.CardToken,
            orderId = charge.OrderId,
            paymentId = charge.PaymentId,
            description = $"Order {charge.OrderNumber}",
        };
        var answer = await SendAsync<SandboxCharge>(SandboxApi.Prefix + "/charges", body, key, cancellationToken);
        if (answer.Status == SandboxChargeStatus.Authorized)
        {
            answer = await SendAsync<SandboxCharge>($"{SandboxApi.Prefix}/charges/{Uri.EscapeDataString(answer.Id)}/capture", new { }, key + ":capture", cancellationToken);
        }

        var status = answer.Status switch
        {
            SandboxChargeStatus.Captured => PaymentStatus.Captured,
            SandboxChargeStatus.Authorized => PaymentStatus.Authorized,
            SandboxChargeStatus.Pending => PaymentStatus.Pending,
            SandboxChargeStatus.Declined or SandboxChargeStatus.Cancelled => PaymentStatus.Declined,
            _ => PaymentStatus.Failed,
        };
        return new PaymentGatewayResult(status, answer.Brand, answer.Last4, answer.RedirectUrl, answer.Message);
    }

    public async Task<PaymentGatewayResult> RefundAsync(PaymentRefund refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var answer = await SendAsync<RefundAnswer>(SandboxApi.Prefix + "/refunds", new { paymentId = refund.PaymentId, reason = refund.Reason }, refund.IdempotencyKey, cancellationToken);
        return new PaymentGatewayResult(answer.Status == "refunded" ? PaymentStatus.Refunded : PaymentStatus.Failed, Message: answer.Message);
    }

    private async Task<T> SendAsync<T>(string path, object body, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, address.Combine(path.TrimStart('/')))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret.ApiKey);
        request.Headers.Add(SandboxApi.IdempotencyHeader, idempotencyKey);
        using var response = await clients.CreateClient(SandboxApi.HttpClientName).SendAsync(request, cancellationToken);

        // A 409 still describes the charge (e.g. a capture of a charge already refunded); anything else unexpected is the
        // provider failing, which the order records as a failed attempt and a retry under the same key resolves.
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Conflict)
        {
            throw new HttpRequestException($"The payment sandbox answered {(int)response.StatusCode} to {path}.", null, response.StatusCode);
        }

        return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
            ?? throw new HttpRequestException($"The payment sandbox answered {path} with an empty body.");
    }

    private sealed record RefundAnswer(string Status, string Message);
}
