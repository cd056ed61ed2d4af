using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>
/// The provider's answer: Captured or Authorized (paid), Pending with a <see cref="RedirectUrl"/> (the shopper finishes
/// elsewhere, a notification follows), Declined, Failed, or Refunded for a refund. Card details are brand and last four only.
/// </summary>
public sealed record PaymentGatewayResult(
    PaymentStatus Status,
    string? CardBrand = null,
    string? CardLast4 = null,
    string? RedirectUrl = null,
    string? Message = null);
