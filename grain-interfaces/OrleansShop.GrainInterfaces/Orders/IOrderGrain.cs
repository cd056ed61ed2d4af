using OrleansShop.Runtime;
using OrleansShop.Runtime.Concurrency;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// An order and its checkout saga (key: order id, <see cref="OrderIds.ForCheckout"/> for a checkout, so that the same
/// idempotency key always reaches the same order). Status moves PAYMENT_PENDING -> PAID -> SHIPPED -> DELIVERED, or to
/// CANCELLED / REFUNDED; any other move is INVALID_STATE and changes nothing.
/// </summary>
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Places the order from the cart: reserves every line, prices it, waits for payment until the reservation expires.
    /// A retry with the same idempotency key returns the first result, never a second order.
    /// </summary>
    Task<Result<OrderDetails>> CheckoutAsync(CheckoutRequest request);

    /// <summary>Takes a payment; the same idempotency key returns the first attempt's result. A decline leaves the order payable.</summary>
    Task<Result<PaymentOutcome>> PayAsync(PaymentRequest request);

    /// <summary>The provider's final word on a pending (redirect) payment; idempotent per payment.</summary>
    Task<Result<PaymentOutcome>> CompletePaymentAsync(PaymentNotification notification);

    /// <summary>Cancels before shipping: an unpaid order releases its stock, a paid one is refunded and its stock returned.</summary>
    Task<Result<OrderDetails>> CancelAsync(string? reason);

    Task<Result<OrderDetails>> ShipAsync(string trackingNumber);

    Task<Result<OrderDetails>> DeliverAsync();

    /// <summary>Refunds a paid, shipped or delivered order.</summary>
    Task<Result<OrderDetails>> RefundAsync(string reason);

    /// <summary>The order, or null when no checkout placed it.</summary>
    [ReadOnly]
    Task<OrderDetails?> GetAsync();
}
