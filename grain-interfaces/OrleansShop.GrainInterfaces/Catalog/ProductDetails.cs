using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>A product as the catalog holds it.</summary>
[GenerateSerializer, Immutable, Alias("shop.ProductDetails")]
public sealed record ProductDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string Sku,
    [property: Id(2)] string Slug,
    [property: Id(3)] string Name,
    [property: Id(4)] string Description,
    [property: Id(5)] string? Brand,
    [property: Id(6)] Money Price,
    [property: Id(7)] IReadOnlyList<string> Images,
    [property: Id(8)] IReadOnlyList<string> CategoryIds,
    [property: Id(9)] IReadOnlyList<ProductAttribute> Attributes,
    [property: Id(10)] bool Archived,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] DateTimeOffset UpdatedAt);
