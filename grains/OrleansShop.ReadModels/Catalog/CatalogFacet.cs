namespace OrleansShop.ReadModels.Catalog;

/// <summary>Counts of the matched products by one field's values (brand, category id or price band).</summary>
public sealed record CatalogFacet(string Field, IReadOnlyList<CatalogFacetValue> Values);
