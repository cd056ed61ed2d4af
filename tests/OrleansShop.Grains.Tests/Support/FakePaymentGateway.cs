using System.Collections.Concurrent;
using OrleansShop.GrainInterfaces;
using OrleansShop.Grains;

namespace OrleansShop.Grains.Tests.Support;

/// <summary>
/// A payment provider that answers by card token: "tok_decline" is declined, "tok_unreachable" throws as a dead
/// network would, any other card is captured as a VISA ending 4242; Alipay waits for a notification after a redirect.
/// </summary>
public sealed class FakePaymentGateway : IPaymentGateway
{
    public const string DeclinedCard = "tok_decline";
    public const string UnreachableCard = "tok_unreachable";

    private readonly ConcurrentDictionary<string, PaymentGatewayResult> answers = new(StringComparer.Ordinal);

    /// <summary>The charges actually taken, one per idempotency key.</summary>
    public ConcurrentQueue<PaymentCharge> Charges { get; } = new();

    public ConcurrentQueue<PaymentRefund> Refunds { get; } = new();

    public bool RefuseRefunds { get; set; }

    /// <summary>Like a real provider, a charge repeated under the same idempotency key gets the first answer and charges nothing.</summary>
    public Task<PaymentGatewayResult> ChargeAsync(PaymentCharge charge, CancellationToken cancellationToken = default)
    {
        if (charge.CardToken == UnreachableCard)
        {
            throw new HttpRequestException("connection refused");
        }

        return Task.FromResult(answers.GetOrAdd(charge.IdempotencyKey, _ =>
        {
            Charges.Enqueue(charge);
            return (charge.Method, charge.CardToken) switch
            {
                (PaymentMethod.Alipay, _) => new PaymentGatewayResult(PaymentStatus.Pending, RedirectUrl: $"https://alipay.example/pay/{charge.PaymentId}"),
                (_, DeclinedCard) => new PaymentGatewayResult(PaymentStatus.Declined, "VISA", "0002", Message: "Insufficient funds."),
                _ => new PaymentGatewayResult(PaymentStatus.Captured, "VISA", "4242"),
            };
        }));
    }

    public Task<PaymentGatewayResult> RefundAsync(PaymentRefund refund, CancellationToken cancellationToken = default)
    {
        Refunds.Enqueue(refund);
        return Task.FromResult(RefuseRefunds
            ? new PaymentGatewayResult(PaymentStatus.Failed, Message: "Refund refused.")
            : new PaymentGatewayResult(PaymentStatus.Refunded));
    }
}
