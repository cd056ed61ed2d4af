using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// An order and its checkout saga (key: order id, <see cref="OrderIds.ForCheckout"/> for a checkout, so that the same
/// idempotency key always reaches the same order). Status moves PAYMENT_PENDING -> PAID -> SHIPPED -> DELIVERED, or to
/// CANCELLED / REFUNDED; any other move is INVALID_STATE and changes nothing.
/// </summary>
[Alias("shop.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Places the order from the cart: reserves every line, prices it, waits for payment until the reservation expires.
    /// A retry with the same idempotency key returns the first result, never a second order.
    /// </summary>
    [Alias("CheckoutAsync")]
    Task<Result<OrderDetails>> CheckoutAsync(CheckoutRequest request);

    /// <summary>Takes a payment; the same idempotency key returns the first attempt's result. A decline leaves the order payable.</summary>
    [Alias("PayAsync")]
    Task<Result<PaymentOutcome>> PayAsync(PaymentRequest request);

    /// <summary>The provider's final word on a pending (redirect) payment; idempotent per payment.</summary>
    [Alias("CompletePaymentAsync")]
    Task<Result<PaymentOutcome>> CompletePaymentAsync(PaymentNotification notification);

    /// <summary>Cancels before shipping: an unpaid order releases its stock, a paid one is refunded and its stock returned.</summary>
    [Alias("CancelAsync")]
    Task<Result<OrderDetails>> CancelAsync(string? reason);

    [Alias("ShipAsync")]
    Task<Result<OrderDetails>> ShipAsync(string trackingNumber);

    [Alias("DeliverAsync")]
    Task<Result<OrderDetails>> DeliverAsync();

    /// <summary>Refunds a paid, shipped or delivered order.</summary>
    [Alias("RefundAsync")]
    Task<Result<OrderDetails>> RefundAsync(string reason);

    /// <summary>The order, or null when no checkout placed it.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<OrderDetails?> GetAsync();
}
