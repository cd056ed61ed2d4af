using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

[GenerateSerializer, Immutable, Alias("shop.CategoryNode")]
public sealed record CategoryNode([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] string Slug, [property: Id(3)] string? ParentId, [property: Id(4)] IReadOnlyList<string> ChildIds);
