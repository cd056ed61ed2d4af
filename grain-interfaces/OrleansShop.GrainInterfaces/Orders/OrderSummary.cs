namespace OrleansShop.GrainInterfaces;

/// <summary>An order as a customer's order list holds it.</summary>
public sealed record OrderSummary(
    string OrderId,
    string Number,
    OrderStatus Status,
    Money Total,
    DateTimeOffset PlacedAt,
    IReadOnlyList<string> ProductIds);
