using OrleansShop.GrainInterfaces;
using OrleansShop.ReadModels.Notifications;

namespace OrleansShop.Api.Schema;

/// <summary>
/// An order mail as administrators see it (<c>OrderMail</c> in schema-additions.graphql): the outbox row's delivery and
/// what the mailer recorded of its attempts. Nothing of the mail server's settings is in a row, so nothing of them shows.
/// </summary>
internal sealed record OrderMail(
    string Id,
    string OrderId,
    string OrderNumber,
    string Recipient,
    OrderStatus Kind,
    OrderNotificationDelivery Delivery,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt)
{
    public const string TypeName = "OrderMail";

    public static OrderMail From(OrderNotificationProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var n = progress.Notification;
        return new OrderMail(
            GlobalId.Encode(TypeName, n.EventId),
            GlobalId.Encode("Order", n.OrderId),
            n.Number,
            n.Email,
            n.Status,
            n.Delivery,
            progress.Attempts,
            progress.LastError,
            n.RecordedAt,
            progress.LastAttemptAt,
            n.Delivery != OrderNotificationDelivery.Pending ? null

            // A new row is stored due at time zero (at once): it has been due since it was recorded.
            : progress.NextAttemptAt < n.RecordedAt ? n.RecordedAt : progress.NextAttemptAt);
    }
}
