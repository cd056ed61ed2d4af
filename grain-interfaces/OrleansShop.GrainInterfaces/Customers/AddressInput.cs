using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>An address as a shopper types it, before it has an id.</summary>
[GenerateSerializer, Immutable, Alias("shop.AddressInput")]
public sealed record AddressInput(
    [property: Id(0)] string Name,
    [property: Id(1)] string Line1,
    [property: Id(2)] string? Line2,
    [property: Id(3)] string City,
    [property: Id(4)] string? Region,
    [property: Id(5)] string PostalCode,
    [property: Id(6)] string Country,
    [property: Id(7)] string? Phone = null);
