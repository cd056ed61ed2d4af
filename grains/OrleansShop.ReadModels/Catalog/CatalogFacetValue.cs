namespace OrleansShop.ReadModels.Catalog;

public sealed record CatalogFacetValue(string Value, int Count);
