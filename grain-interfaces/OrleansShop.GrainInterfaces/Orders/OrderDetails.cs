namespace OrleansShop.GrainInterfaces;

public sealed record OrderDetails(
    string Id,
    string Number,
    string? CustomerId,
    string Email,
    IReadOnlyList<OrderLine> Lines,
    Money Subtotal,
    Money Shipping,
    Money Total,
    AddressInput ShippingAddress,
    OrderStatus Status,
    IReadOnlyList<OrderStatusChange> History,
    IReadOnlyList<Payment> Payments,
    string? TrackingNumber,
    DateTimeOffset PlacedAt,
    DateTimeOffset? ReservationExpiresAt);
