using Orleans;
using Orleans.Concurrency;

namespace OrleansShop.Grains;

/// <summary>A reservation that reached a final state (released or returned) at <see cref="At"/>.</summary>
[GenerateSerializer, Immutable, Alias("shop.SettledReservation")]
internal sealed record SettledReservation([property: Id(0)] string OrderId, [property: Id(1)] DateTimeOffset At);
