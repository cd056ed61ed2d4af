namespace OrleansShop.ReadModels.Catalog;

public sealed record CatalogHit(string ProductId, string Cursor);
