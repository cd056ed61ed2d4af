using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>A cart line priced now. Not available when the product was archived or has too little stock.</summary>
[GenerateSerializer, Immutable, Alias("shop.CartLineView")]
public sealed record CartLineView(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string Sku,
    [property: Id(2)] string Name,
    [property: Id(3)] int Quantity,
    [property: Id(4)] Money UnitPrice,
    [property: Id(5)] Money LineTotal,
    [property: Id(6)] bool Available);
