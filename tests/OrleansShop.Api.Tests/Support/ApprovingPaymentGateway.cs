using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OrleansShop.GrainInterfaces;
using OrleansShop.Grains;

namespace OrleansShop.Api.Tests.Support;

/// <summary>
/// A payment provider that captures every card charge (VISA ending 4242) and every refund, for tests that need a paid
/// order and are not about payments. Registered in a test server with <see cref="Register"/>, after the app's own services.
/// </summary>
public sealed class ApprovingPaymentGateway : IPaymentGateway
{
    public static void Register(WebApplicationBuilder builder) => builder.Services.AddSingleton<IPaymentGateway, ApprovingPaymentGateway>();

    public Task<PaymentGatewayResult> ChargeAsync(PaymentCharge charge, CancellationToken cancellationToken = default) =>
        Task.FromResult(new PaymentGatewayResult(PaymentStatus.Captured, "VISA", "4242"));

    public Task<PaymentGatewayResult> RefundAsync(PaymentRefund refund, CancellationToken cancellationToken = default) =>
        Task.FromResult(new PaymentGatewayResult(PaymentStatus.Refunded));
}
