using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>A charge of an order's total; <see cref="CardToken"/> is the provider's token for a card, never its number.</summary>
public sealed record PaymentCharge(
    string OrderId,
    string OrderNumber,
    string PaymentId,
    PaymentMethod Method,
    Money Amount,
    string? CardToken,
    string IdempotencyKey);
