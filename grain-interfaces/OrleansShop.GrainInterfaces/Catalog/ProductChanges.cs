namespace OrleansShop.GrainInterfaces;

/// <summary>An update of a product: null leaves a field unchanged. The price keeps the product's currency.</summary>
public sealed record ProductChanges(
    string? Name = null,
    string? Description = null,
    string? Brand = null,
    decimal? Price = null,
    IReadOnlyList<string>? Images = null,
    IReadOnlyList<string>? CategoryIds = null,
    IReadOnlyList<ProductAttribute>? Attributes = null);
