using Orleans.Concurrency;
using Orleans;

namespace OrleansShop.GrainInterfaces;

[GenerateSerializer, Immutable, Alias("shop.OrderDetails")]
public sealed record OrderDetails(
    [property: Id(0)] string Id,
    [property: Id(1)] string Number,
    [property: Id(2)] string? CustomerId,
    [property: Id(3)] string Email,
    [property: Id(4)] IReadOnlyList<OrderLine> Lines,
    [property: Id(5)] Money Subtotal,
    [property: Id(6)] Money Shipping,
    [property: Id(7)] Money Total,
    [property: Id(8)] AddressInput ShippingAddress,
    [property: Id(9)] OrderStatus Status,
    [property: Id(10)] IReadOnlyList<OrderStatusChange> History,
    [property: Id(11)] IReadOnlyList<Payment> Payments,
    [property: Id(12)] string? TrackingNumber,
    [property: Id(13)] DateTimeOffset PlacedAt,
    [property: Id(14)] DateTimeOffset? ReservationExpiresAt);
