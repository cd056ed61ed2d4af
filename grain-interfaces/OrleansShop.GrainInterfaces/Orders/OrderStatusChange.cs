using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

[GenerateSerializer, Immutable, Alias("shop.OrderStatusChange")]
public sealed record OrderStatusChange([property: Id(0)] OrderStatus Status, [property: Id(1)] DateTimeOffset At, [property: Id(2)] string? Note);
