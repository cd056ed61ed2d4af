using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

[GenerateSerializer, Immutable, Alias("shop.Registration")]
public sealed record Registration([property: Id(0)] string Email, [property: Id(1)] string Password, [property: Id(2)] string DisplayName);
