namespace OrleansShop.ReadModels.Catalog;

/// <summary>
/// Which products, in which order. Without sort keys it sorts by relevance when searching, else by creation (oldest
/// first). Archived products match only when <see cref="IncludeArchived"/> (admins).
/// </summary>
public sealed record CatalogQuery(
    string? Search = null,
    ProductFilter? Filter = null,
    IReadOnlyList<CatalogSort>? Sort = null,
    bool IncludeArchived = false);
