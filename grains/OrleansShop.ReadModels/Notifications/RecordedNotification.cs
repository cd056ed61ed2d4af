namespace OrleansShop.ReadModels.Notifications;

/// <summary>A notification on its way into the outbox with what its mail is to say.</summary>
internal sealed record RecordedNotification(OrderNotification Notification, OrderNotificationContent Content);
