using OrleansShop.GrainInterfaces;

namespace OrleansShop.ReadModels.Notifications;

/// <summary>
/// A message owed to a customer about their order (placed, paid, shipped...), one per order event.
/// <see cref="Deliveries"/> counts how often the event was stored: above one means the stream delivered it again, and
/// the row shows it was still recorded once. <see cref="Delivery"/> says whether the mailer has sent it.
/// </summary>
public sealed record OrderNotification(
    string EventId,
    string OrderId,
    string Number,
    string Email,
    OrderStatus Status,
    int Sequence,
    DateTimeOffset RecordedAt,
    int Deliveries,
    OrderNotificationDelivery Delivery = OrderNotificationDelivery.Pending);
