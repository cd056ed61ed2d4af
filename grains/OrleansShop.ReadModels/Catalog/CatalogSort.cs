namespace OrleansShop.ReadModels.Catalog;

/// <summary>One sort key; the product id always follows the last one, ascending, so the order is total and stable.</summary>
public sealed record CatalogSort(CatalogSortField Field, bool Descending = false);
