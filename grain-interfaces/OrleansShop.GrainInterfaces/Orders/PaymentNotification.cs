using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>The provider's outcome of a pending payment (its webhook), addressed by our payment id.</summary>
[GenerateSerializer, Immutable, Alias("shop.PaymentNotification")]
public sealed record PaymentNotification([property: Id(0)] string PaymentId, [property: Id(1)] bool Succeeded, [property: Id(2)] string? Message = null);
