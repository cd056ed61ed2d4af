using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

[GenerateSerializer, Immutable, Alias("shop.CartItem")]
public sealed record CartItem([property: Id(0)] string ProductId, [property: Id(1)] int Quantity);
