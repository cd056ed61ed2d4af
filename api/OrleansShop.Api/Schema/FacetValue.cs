namespace OrleansShop.Api.Schema;

/// <summary>
/// How many matched products have this value. A category's value is its global id and its label the category's name;
/// for other facets the label is the value.
/// </summary>
internal sealed record FacetValue(string Value, int Count, string Label);
