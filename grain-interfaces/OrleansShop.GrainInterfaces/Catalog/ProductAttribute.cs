using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

[GenerateSerializer, Immutable, Alias("shop.ProductAttribute")]
public sealed record ProductAttribute([property: Id(0)] string Name, [property: Id(1)] string Value);
