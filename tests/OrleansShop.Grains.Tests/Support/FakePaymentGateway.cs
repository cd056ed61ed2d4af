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

    public ConcurrentQueue<PaymentCharge> Charges { get; } = new();

    public ConcurrentQueue<PaymentRefund> Refunds { get; } = new();

    public bool RefuseRefunds { get; set; }

    public Task<PaymentGatewayResult> ChargeAsync(PaymentCharge charge, CancellationToken cancellationToken = default)
    {
        Charges.Enqueue(charge);
        return Task.FromResult((charge.Method, charge.CardToken) switch
        {
            (PaymentMethod.Alipay, _) => new PaymentGatewayResult(PaymentStatus.Pending, RedirectUrl: $"https://alipay.example/pay/{charge.PaymentId}"),
            (_, DeclinedCard) => new PaymentGatewayResult(PaymentStatus.Declined, "VISA", "0002", Message: "Insufficient funds."),
            (_, UnreachableCard) => throw new HttpRequestException("connection refused"),
            _ => new PaymentGatewayResult(PaymentStatus.Captured, "VISA", "4242"),
        });
    }

    public Task<PaymentGatewayResult> RefundAsync(PaymentRefund refund, CancellationToken cancellationToken = default)
    {
        Refunds.Enqueue(refund);
        return Task.FromResult(RefuseRefunds
            ? new PaymentGatewayResult(PaymentStatus.Failed, Message: "Refund refused.")
            : new PaymentGatewayResult(PaymentStatus.Refunded));
    }
}
