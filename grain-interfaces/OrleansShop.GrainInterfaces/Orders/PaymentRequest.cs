namespace OrleansShop.GrainInterfaces;

/// <summary>A payment of the order's total. <see cref="CardToken"/> is the provider's token, never a card number.</summary>
public sealed record PaymentRequest(PaymentMethod Method, string? CardToken, string IdempotencyKey);
