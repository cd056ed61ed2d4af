namespace OrleansShop.GrainInterfaces;

/// <summary>A line as it was sold: SKU, name and price are copied so later catalog edits do not rewrite the order.</summary>
public sealed record OrderLine(string ProductId, string Sku, string Name, int Quantity, Money UnitPrice, Money LineTotal);
