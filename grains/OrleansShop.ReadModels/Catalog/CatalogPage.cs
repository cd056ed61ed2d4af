namespace OrleansShop.ReadModels.Catalog;

/// <summary>The product ids of one page in order, each with its cursor.</summary>
public sealed record CatalogPage(IReadOnlyList<CatalogHit> Hits, bool HasNextPage, bool HasPreviousPage);
