namespace OrleansShop.GrainInterfaces;

/// <summary>One order's hold on a product's stock and where it stands.</summary>
public sealed record StockReservation(string OrderId, int Quantity, ReservationStatus Status);
