using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>The order after a payment attempt, and that attempt.</summary>
[GenerateSerializer, Immutable, Alias("shop.PaymentOutcome")]
public sealed record PaymentOutcome([property: Id(0)] OrderDetails Order, [property: Id(1)] Payment Payment);
