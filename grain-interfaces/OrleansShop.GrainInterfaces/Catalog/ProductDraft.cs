namespace OrleansShop.GrainInterfaces;

/// <summary>What an admin gives to create a product. A missing slug is made from the name.</summary>
public sealed record ProductDraft(
    string Sku,
    string Name,
    string? Slug,
    string Description,
    string? Brand,
    Money Price,
    IReadOnlyList<string>? Images = null,
    IReadOnlyList<string>? CategoryIds = null,
    IReadOnlyList<ProductAttribute>? Attributes = null);
