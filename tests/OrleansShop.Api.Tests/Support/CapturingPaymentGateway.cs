using OrleansShop.GrainInterfaces;
using OrleansShop.Grains;

namespace OrleansShop.Api.Tests.Support;

/// <summary>A payment provider that captures every charge and refunds every refund, for tests that drive orders through the grains.</summary>
internal sealed class CapturingPaymentGateway : IPaymentGateway
{
    public Task<PaymentGatewayResult> ChargeAsync(PaymentCharge charge, CancellationToken cancellationToken = default) =>
        Task.FromResult(new PaymentGatewayResult(PaymentStatus.Captured, "VISA", "4242"));

    public Task<PaymentGatewayResult> RefundAsync(PaymentRefund refund, CancellationToken cancellationToken = default) =>
        Task.FromResult(new PaymentGatewayResult(PaymentStatus.Refunded));
}
