namespace OrleansShop.GrainInterfaces;

/// <summary>A cart line priced now. Not available when the product was archived or has too little stock.</summary>
public sealed record CartLineView(
    string ProductId,
    string Sku,
    string Name,
    int Quantity,
    Money UnitPrice,
    Money LineTotal,
    bool Available);
