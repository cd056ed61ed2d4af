using Microsoft.Extensions.Options;
using Orleans;
using OrleansShop.GrainInterfaces;
using OrleansShop.Silo.Hosting.Payments;

namespace OrleansShop.Api.Payments;

/// <summary>
/// The shop's webhook for the provider's notifications. Only a body signed with the shared secret (recent, compared in
/// constant time; during a rotation, the previous secrets too) reaches the order; the order applies a payment's final
/// word once, so redeliveries change nothing.
/// </summary>
internal static partial class PaymentWebhookEndpoint
{
    public const string Path = "/payments/webhooks/sandbox";

    public static IEndpointRouteBuilder MapPaymentWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request,
        SandboxSecret secret,
        IOptions<SandboxOptions> options,
        TimeProvider clock,
        IGrainFactory grains,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > SandboxRequests.MaxBodyBytes)
        {
            return SandboxRequests.Error(400, "invalid_request", "The notification is too large.");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > SandboxRequests.MaxBodyBytes)
        {
            return SandboxRequests.Error(400, "invalid_request", "The notification is too large.");
        }

        var signature = request.Headers[WebhookSignature.Header].ToString();
        if (signature.Length == 0)
        {
            return SandboxRequests.Error(401, "unsigned", $"The notification carries no {WebhookSignature.Header} header.");
        }

        if (!IsSigned(secret, signature, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), clock.GetUtcNow(), options.Value.SignatureTolerance))
        {
            LogForged(loggers.CreateLogger(typeof(PaymentWebhookEndpoint).FullName!));
            return SandboxRequests.Error(400, "bad_signature", "The signature does not match the notification.");
        }

        buffer.Position = 0;
        System.Text.Json.JsonDocument document;
        try
        {
            document = await System.Text.Json.JsonDocument.ParseAsync(buffer, default, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return SandboxRequests.Error(400, "invalid_request", "The notification is not JSON.");
        }

        using var parsed = document;
        var body = parsed.RootElement;
        var type = body.ValueKind == System.Text.Json.JsonValueKind.Object ? body.String("type") : null;
        if (body.ValueKind != System.Text.Json.JsonValueKind.Object
            || body.String("orderId") is not { Length: > 0 } orderId
            || body.String("paymentId") is not { Length: > 0 } paymentId
            || type is not ("payment.succeeded" or "payment.cancelled"))
        {
            return SandboxRequests.Error(400, "invalid_request", "A notification needs type, orderId and paymentId.");
        }

        var succeeded = type == "payment.succeeded";
        var result = await grains.GetGrain<IOrderGrain>(orderId).CompletePaymentAsync(
            new PaymentNotification(paymentId, succeeded, succeeded ? "Approved by the shopper." : "Cancelled by the shopper."));
        return result.Error?.Code == ErrorCode.NotFound
            ? SandboxRequests.Error(404, "no_such_payment", "No order has this payment.")
            : Results.Json(new { received = true });
    }

    /// <summary>Signed with the current secret or, during a rotation, a previous one.</summary>
    private static bool IsSigned(SandboxSecret secret, string signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        foreach (var accepted in secret.Accepted)
        {
            if (WebhookSignature.Verify(accepted, signature, body, now, tolerance))
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment webhook: a notification with a wrong or stale signature was refused")]
    private static partial void LogForged(ILogger logger);
}
