namespace OrleansShop.GrainInterfaces;

/// <summary>A product as the catalog holds it.</summary>
public sealed record ProductDetails(
    string Id,
    string Sku,
    string Slug,
    string Name,
    string Description,
    string? Brand,
    Money Price,
    IReadOnlyList<string> Images,
    IReadOnlyList<string> CategoryIds,
    IReadOnlyList<ProductAttribute> Attributes,
    bool Archived,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
