namespace OrleansShop.Api.Schema;

/// <summary>How many matched products have this value; a category's value is its global id.</summary>
internal sealed record FacetValue(string Value, int Count);
