namespace OrleansShop.Grains;

/// <summary>A reservation that reached a final state (released or returned) at <see cref="At"/>.</summary>
internal sealed record SettledReservation(string OrderId, DateTimeOffset At);
