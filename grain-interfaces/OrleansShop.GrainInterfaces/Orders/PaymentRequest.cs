using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>A payment of the order's total. <see cref="CardToken"/> is the provider's token, never a card number.</summary>
[GenerateSerializer, Immutable, Alias("shop.PaymentRequest")]
public sealed record PaymentRequest([property: Id(0)] PaymentMethod Method, [property: Id(1)] string? CardToken, [property: Id(2)] string IdempotencyKey);
