using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>An order as a customer's order list holds it.</summary>
[GenerateSerializer, Immutable, Alias("shop.OrderSummary")]
public sealed record OrderSummary(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string Number,
    [property: Id(2)] OrderStatus Status,
    [property: Id(3)] Money Total,
    [property: Id(4)] DateTimeOffset PlacedAt,
    [property: Id(5)] IReadOnlyList<string> ProductIds);
