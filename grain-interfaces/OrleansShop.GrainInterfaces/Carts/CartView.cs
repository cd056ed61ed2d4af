using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>A cart priced at the moment it was read. <see cref="MergedInto"/> is set once a guest cart was merged away.</summary>
[GenerateSerializer, Immutable, Alias("shop.CartView")]
public sealed record CartView(
    [property: Id(0)] string Id,
    [property: Id(1)] IReadOnlyList<CartLineView> Lines,
    [property: Id(2)] int ItemCount,
    [property: Id(3)] Money Subtotal,
    [property: Id(4)] DateTimeOffset UpdatedAt,
    [property: Id(5)] string? MergedInto = null);
