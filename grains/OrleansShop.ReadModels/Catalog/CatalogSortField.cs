namespace OrleansShop.ReadModels.Catalog;

public enum CatalogSortField
{
    /// <summary>Best match first when ascending; only meaningful with search text.</summary>
    Relevance,
    Name,
    Price,
    CreatedAt,
    Rating,
}
