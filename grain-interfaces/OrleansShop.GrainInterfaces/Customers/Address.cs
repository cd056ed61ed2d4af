using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>A postal address; <see cref="Country"/> is ISO-3166 alpha-2.</summary>
[GenerateSerializer, Immutable, Alias("shop.Address")]
public sealed record Address(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Line1,
    [property: Id(3)] string? Line2,
    [property: Id(4)] string City,
    [property: Id(5)] string? Region,
    [property: Id(6)] string PostalCode,
    [property: Id(7)] string Country,
    [property: Id(8)] string? Phone);
