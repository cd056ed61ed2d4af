using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

/// <summary>One order's hold on a product's stock and where it stands.</summary>
[GenerateSerializer, Immutable, Alias("shop.StockReservation")]
public sealed record StockReservation([property: Id(0)] string OrderId, [property: Id(1)] int Quantity, [property: Id(2)] ReservationStatus Status);
