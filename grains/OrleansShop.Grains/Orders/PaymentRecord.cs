using Orleans;
using Orleans.Concurrency;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>A payment attempt and the idempotency key it was made under.</summary>
[GenerateSerializer, Immutable, Alias("shop.PaymentRecord")]
internal sealed record PaymentRecord([property: Id(0)] Payment Payment, [property: Id(1)] string IdempotencyKey);
