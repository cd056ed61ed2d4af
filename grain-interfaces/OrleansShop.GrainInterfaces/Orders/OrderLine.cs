using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>A line as it was sold: SKU, name and price are copied so later catalog edits do not rewrite the order.</summary>
[GenerateSerializer, Immutable, Alias("shop.OrderLine")]
public sealed record OrderLine([property: Id(0)] string ProductId, [property: Id(1)] string Sku, [property: Id(2)] string Name, [property: Id(3)] int Quantity, [property: Id(4)] Money UnitPrice, [property: Id(5)] Money LineTotal);
