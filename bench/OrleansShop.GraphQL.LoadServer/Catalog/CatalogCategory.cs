namespace OrleansShop.GraphQL.LoadServer.Catalog;

/// <summary>A category of the benchmark catalog; the parent chain is what the deep query walks.</summary>
public sealed record CatalogCategory(string Id, string Name, CatalogCategory? Parent);
