using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OrleansShop.Silo.Hosting.Payments;

namespace OrleansShop.Api.Payments;

/// <summary>
/// The payment sandbox's HTTP API, mounted in the app and used like a real provider's: card tokenization (called by the
/// shopper's client directly), charges, capture and refunds (called by the shop with its API key and an idempotency key),
/// and the Alipay-style redirect page where the shopper approves or cancels.
/// </summary>
internal static class SandboxEndpoints
{
    private const string Prefix = SandboxApi.Prefix;
    private const string IdempotencyHeader = SandboxApi.IdempotencyHeader;

    public static IEndpointRouteBuilder MapSandboxEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Prefix + "/tokens", TokenizeAsync);
        app.MapPost(Prefix + "/charges", ChargeAsync);
        app.MapPost(Prefix + "/charges/{chargeId}/capture", CaptureAsync);
        app.MapPost(Prefix + "/refunds", RefundAsync);
        app.MapGet(Prefix + "/alipay/{chargeId}", AlipayPageAsync);
        app.MapPost(Prefix + "/alipay/{chargeId}/approve", (string chargeId, HttpRequest request, SandboxLedger ledger, SandboxNotifier notifier, CancellationToken ct) =>
            SettleAsync(chargeId, approve: true, request, ledger, notifier, ct));
        app.MapPost(Prefix + "/alipay/{chargeId}/cancel", (string chargeId, HttpRequest request, SandboxLedger ledger, SandboxNotifier notifier, CancellationToken ct) =>
            SettleAsync(chargeId, approve: false, request, ledger, notifier, ct));
        return app;
    }

    // The card number and CVC are read into locals only: never logged, stored or echoed back, not even in an error.
    private static async Task<IResult> TokenizeAsync(HttpRequest request, SandboxLedger ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await SandboxRequests.ReadObjectAsync(request, cancellationToken) is not { } body)
        {
            return SandboxRequests.Error(400, "invalid_request", "Send a JSON object {\"number\", \"expMonth\", \"expYear\", \"cvc\"}.");
        }

        var card = SandboxCards.Check(body.String("number"), body.Int("expMonth"), body.Int("expYear"), body.String("cvc"), clock.GetUtcNow(), out var error);
        if (card is null)
        {
            return SandboxRequests.Error(400, "invalid_card", error!);
        }

        var token = await ledger.SaveTokenAsync(card, cancellationToken);
        return Results.Json(new { token, brand = card.Brand, last4 = card.Last4 });
    }

    private static async Task<IResult> ChargeAsync(HttpRequest request, SandboxLedger ledger, SandboxSecret secret, SandboxAddress address, CancellationToken cancellationToken)
    {
        if (Unauthorized(request, secret) is { } refused)
        {
            return refused;
        }

        var key = request.Headers[IdempotencyHeader].ToString();
        if (key.Length is 0 or > 300)
        {
            return SandboxRequests.Error(400, "idempotency_key_required", $"Send an {IdempotencyHeader} header of 1 to 300 characters.");
        }

        var body = await SandboxRequests.ReadObjectAsync(request, cancellationToken);
        var method = body?.String("method");
        if (body is null
            || body.Value.String("orderId") is not { Length: > 0 } orderId
            || body.Value.String("paymentId") is not { Length: > 0 } paymentId
            || !decimal.TryParse(body.Value.String("amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount <= 0
            || body.Value.String("currency") is not { Length: 3 } currency
            || method is not ("card" or "alipay"))
        {
            return SandboxRequests.Error(400, "invalid_request", "A charge needs orderId, paymentId, a positive amount, a currency and method card or alipay.");
        }

        var id = "ch_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        SandboxCharge charge;
        if (method == "alipay")
        {
            charge = new SandboxCharge(id, orderId, paymentId, method, amount, currency, SandboxChargeStatus.Pending, null, null, "Waiting for the shopper to approve.", null);
        }
        else
        {
            var card = body.Value.String("token") is { Length: > 0 and <= 100 } token ? await ledger.FindTokenAsync(token, cancellationToken) : null;
            charge = card switch
            {
                null => new SandboxCharge(id, orderId, paymentId, method, amount, currency, SandboxChargeStatus.Declined, null, null, "No such card token.", null),
                { Outcome: SandboxCardOutcome.Decline } => Declined("The card was declined."),
                { Outcome: SandboxCardOutcome.InsufficientFunds } => Declined("The card has insufficient funds."),
                _ => new SandboxCharge(id, orderId, paymentId, method, amount, currency, SandboxChargeStatus.Authorized, card.Brand, card.Last4, "Authorized.", null),
            };

            SandboxCharge Declined(string message) =>
                new(id, orderId, paymentId, method, amount, currency, SandboxChargeStatus.Declined, card!.Brand, card.Last4, message, null);
        }

        var stored = await ledger.CreateChargeAsync(key, charge, cancellationToken);

        // As real providers do: a key already used for a different charge is a client bug, not a retry.
        if ((stored.OrderId, stored.PaymentId, stored.Method, stored.Amount, stored.Currency) != (orderId, paymentId, method, amount, currency))
        {
            return SandboxRequests.Error(409, "idempotency_key_reused", $"This {IdempotencyHeader} was used for a different charge.");
        }

        return Results.Json(WithRedirect(stored, address));
    }

    private static async Task<IResult> CaptureAsync(string chargeId, HttpRequest request, SandboxLedger ledger, SandboxSecret secret, SandboxAddress address, CancellationToken cancellationToken)
    {
        if (Unauthorized(request, secret) is { } refused)
        {
            return refused;
        }

        var charge = await ledger.MoveAsync(chargeId, SandboxChargeStatus.Authorized, SandboxChargeStatus.Captured, cancellationToken);
        return charge switch
        {
            null => SandboxRequests.Error(404, "no_such_charge", "No charge has this id."),
            { Status: SandboxChargeStatus.Captured } => Results.Json(WithRedirect(charge, address)),
            _ => Results.Json(WithRedirect(charge, address), statusCode: 409),
        };
    }

    private static async Task<IResult> RefundAsync(HttpRequest request, SandboxLedger ledger, SandboxSecret secret, CancellationToken cancellationToken)
    {
        if (Unauthorized(request, secret) is { } refused)
        {
            return refused;
        }

        var key = request.Headers[IdempotencyHeader].ToString();
        if (key.Length is 0 or > 300
            || await SandboxRequests.ReadObjectAsync(request, cancellationToken) is not { } body
            || body.String("paymentId") is not { Length: > 0 } paymentId)
        {
            return SandboxRequests.Error(400, "invalid_request", $"A refund needs an {IdempotencyHeader} header and the paymentId of the charge.");
        }

        var (status, message) = await ledger.RefundAsync(key, paymentId, cancellationToken);
        return Results.Json(new { status, message });
    }

    private static async Task<IResult> AlipayPageAsync(string chargeId, HttpRequest request, SandboxLedger ledger, CancellationToken cancellationToken)
    {
        if (await ledger.GetChargeAsync(chargeId, cancellationToken) is not { Method: "alipay" } charge)
        {
            return Results.NotFound();
        }

        return Results.Content(SandboxAlipayPage.Render(charge, SandboxReturnPath.From(request)), "text/html; charset=utf-8");
    }

    private static async Task<IResult> SettleAsync(
        string chargeId, bool approve, HttpRequest request, SandboxLedger ledger, SandboxNotifier notifier, CancellationToken cancellationToken)
    {
        var wanted = approve ? SandboxChargeStatus.Captured : SandboxChargeStatus.Cancelled;
        if (await ledger.GetChargeAsync(chargeId, cancellationToken) is not { Method: "alipay" } charge)
        {
            return SandboxRequests.Error(404, "no_such_charge", "No Alipay payment has this id.");
        }

        var notification = JsonSerializer.Serialize(new
        {
            id = "evt_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            type = approve ? "payment.succeeded" : "payment.cancelled",
            chargeId,
            orderId = charge.OrderId,
            paymentId = charge.PaymentId,
        });
        await ledger.SettleAsync(chargeId, wanted, notification, cancellationToken);
        var now = await ledger.GetChargeAsync(chargeId, cancellationToken);
        var returnPath = SandboxReturnPath.From(request);
        if (now!.Status != wanted)
        {
            // The shop's page says what became of the payment, so a shopper on their way back goes there either way.
            return returnPath is not null
                ? SandboxReturnPath.SeeOther(returnPath)
                : SandboxRequests.Error(409, "already_settled", $"This payment is already {now.Status}.");
        }

        // Tell the shop now, before the shopper is sent back to its page; whatever fails here stays queued and is sent
        // again in the background.
        await notifier.DeliverAsync(chargeId, cancellationToken);
        return returnPath is not null ? SandboxReturnPath.SeeOther(returnPath) : Results.Json(new { status = now.Status });
    }

    private static IResult? Unauthorized(HttpRequest request, SandboxSecret secret)
    {
        var header = request.Headers.Authorization.ToString();
        var given = header.StartsWith("Bearer ", StringComparison.Ordinal) ? Encoding.UTF8.GetBytes(header[7..]) : [];
        // Every accepted key is compared (no early exit), so the time taken does not tell which one nearly matched.
        var accepted = false;
        foreach (var apiKey in secret.AcceptedApiKeys)
        {
            accepted |= CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(apiKey));
        }

        return accepted
            ? null
            : SandboxRequests.Error(401, "unauthorized", "Send the shop's sandbox API key as a bearer token.");
    }

    private static SandboxCharge WithRedirect(SandboxCharge charge, SandboxAddress address) =>
        charge.Method == "alipay" ? charge with { RedirectUrl = address.Combine($"{Prefix[1..]}/alipay/{charge.Id}").ToString() } : charge;
}
