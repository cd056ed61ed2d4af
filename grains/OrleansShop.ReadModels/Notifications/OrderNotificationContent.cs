using OrleansShop.GrainInterfaces;

namespace OrleansShop.ReadModels.Notifications;

/// <summary>
/// What a notification tells the customer about their order, as the order was when the event was recorded: kept in the
/// outbox row so the mail says what happened then, whenever it is sent, and the mailer needs no grain. Payment is the
/// card's brand and last four digits only, as the order keeps it.
/// </summary>
public sealed record OrderNotificationContent(
    string RecipientName,
    IReadOnlyList<OrderNotificationLine> Lines,
    Money Subtotal,
    Money Shipping,
    Money Total,
    string? CardBrand,
    string? CardLast4,
    string? TrackingNumber)
{
    public static OrderNotificationContent From(OrderDetails order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var card = order.Payments.LastOrDefault(p => p.Status is PaymentStatus.Authorized or PaymentStatus.Captured or PaymentStatus.Refunded && p.CardLast4 is not null);
        return new OrderNotificationContent(
            order.ShippingAddress.Name,
            [.. order.Lines.Select(l => new OrderNotificationLine(l.Name, l.Sku, l.Quantity, l.UnitPrice, l.LineTotal))],
            order.Subtotal,
            order.Shipping,
            order.Total,
            card?.CardBrand,
            card?.CardLast4,
            order.TrackingNumber);
    }
}
