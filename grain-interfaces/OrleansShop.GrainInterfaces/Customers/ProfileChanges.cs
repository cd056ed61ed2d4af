using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>A profile update: null leaves a field unchanged; an empty phone removes it.</summary>
[GenerateSerializer, Immutable, Alias("shop.ProfileChanges")]
public sealed record ProfileChanges([property: Id(0)] string? DisplayName = null, [property: Id(1)] string? Phone = null);
