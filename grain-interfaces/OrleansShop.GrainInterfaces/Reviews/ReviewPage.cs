using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

[GenerateSerializer, Immutable, Alias("shop.ReviewPage")]
public sealed record ReviewPage([property: Id(0)] IReadOnlyList<Review> Items, [property: Id(1)] int TotalCount);
