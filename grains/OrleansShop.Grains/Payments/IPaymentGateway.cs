namespace OrleansShop.Grains;

/// <summary>
/// The port to a payment provider. The API implements it over the provider's HTTP API; the order grain only knows this
/// interface. Implementations pass <see cref="PaymentCharge.IdempotencyKey"/> on to the provider, so a retried charge
/// is never taken twice, and return expected failures (declines) as results rather than exceptions.
/// </summary>
public interface IPaymentGateway
{
    Task<PaymentGatewayResult> ChargeAsync(PaymentCharge charge, CancellationToken cancellationToken = default);

    Task<PaymentGatewayResult> RefundAsync(PaymentRefund refund, CancellationToken cancellationToken = default);
}
