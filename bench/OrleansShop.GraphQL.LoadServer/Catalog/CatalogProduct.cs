namespace OrleansShop.GraphQL.LoadServer.Catalog;

/// <summary>A product of the benchmark catalog: six scalar fields and a nested category.</summary>
public sealed record CatalogProduct(string Id, string Name, string Sku, double Price, int Quantity, bool InStock, CatalogCategory Category);
