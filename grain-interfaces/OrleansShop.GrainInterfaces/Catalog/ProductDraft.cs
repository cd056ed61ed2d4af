using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>What an admin gives to create a product. A missing slug is made from the name.</summary>
[GenerateSerializer, Immutable, Alias("shop.ProductDraft")]
public sealed record ProductDraft(
    [property: Id(0)] string Sku,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Slug,
    [property: Id(3)] string Description,
    [property: Id(4)] string? Brand,
    [property: Id(5)] Money Price,
    [property: Id(6)] IReadOnlyList<string>? Images = null,
    [property: Id(7)] IReadOnlyList<string>? CategoryIds = null,
    [property: Id(8)] IReadOnlyList<ProductAttribute>? Attributes = null);
