namespace OrleansShop.Api.Schema;

/// <summary>Counts of one attribute's values over a product search's matches (brand, category, price band).</summary>
internal sealed record Facet(string Field, IReadOnlyList<FacetValue> Values);
