using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

public sealed record PaymentRefund(string OrderId, string PaymentId, Money Amount, string Reason, string IdempotencyKey);
