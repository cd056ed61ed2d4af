using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>A payment attempt and the idempotency key it was made under.</summary>
internal sealed record PaymentRecord(Payment Payment, string IdempotencyKey);
