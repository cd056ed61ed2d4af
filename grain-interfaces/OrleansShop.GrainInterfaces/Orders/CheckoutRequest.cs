using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>
/// A checkout of one cart. The API resolves a saved shipping address id into <see cref="ShippingAddress"/>;
/// <see cref="CustomerId"/> is null for a guest.
/// </summary>
[GenerateSerializer, Immutable, Alias("shop.CheckoutRequest")]
public sealed record CheckoutRequest(
    [property: Id(0)] string CartId,
    [property: Id(1)] string? CustomerId,
    [property: Id(2)] string Email,
    [property: Id(3)] AddressInput ShippingAddress,
    [property: Id(4)] string IdempotencyKey);
