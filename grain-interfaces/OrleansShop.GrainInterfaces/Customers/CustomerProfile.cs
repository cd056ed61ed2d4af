using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>A customer as the API shows it: never the password hash or tokens.</summary>
[GenerateSerializer, Immutable, Alias("shop.CustomerProfile")]
public sealed record CustomerProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string? Phone,
    [property: Id(4)] IReadOnlyList<Role> Roles,
    [property: Id(5)] IReadOnlyList<Address> Addresses,
    [property: Id(6)] string? DefaultAddressId,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset UpdatedAt);
