namespace OrleansShop.Api.Catalog;

/// <summary>What the product list needs to page and filter without reading every product grain.</summary>
public sealed record ProductListing(string ProductId, IReadOnlyList<string> CategoryIds, bool Archived);
