using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>An update of a product: null leaves a field unchanged. The price keeps the product's currency.</summary>
[GenerateSerializer, Immutable, Alias("shop.ProductChanges")]
public sealed record ProductChanges(
    [property: Id(0)] string? Name = null,
    [property: Id(1)] string? Description = null,
    [property: Id(2)] string? Brand = null,
    [property: Id(3)] decimal? Price = null,
    [property: Id(4)] IReadOnlyList<string>? Images = null,
    [property: Id(5)] IReadOnlyList<string>? CategoryIds = null,
    [property: Id(6)] IReadOnlyList<ProductAttribute>? Attributes = null);
