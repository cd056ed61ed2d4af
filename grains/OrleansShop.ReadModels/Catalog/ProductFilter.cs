namespace OrleansShop.ReadModels.Catalog;

/// <summary>
/// Narrows the products a query matches; null parts do not filter. <see cref="CategoryIds"/> is the category asked for
/// with all its descendants (the caller expands the tree); an empty set matches nothing.
/// </summary>
public sealed record ProductFilter(
    IReadOnlyCollection<string>? CategoryIds = null,
    IReadOnlyCollection<string>? Brands = null,
    decimal? MinPrice = null,
    decimal? MaxPrice = null,
    bool? InStock = null,
    double? MinRating = null);
