namespace OrleansShop.ReadModels.Notifications;

/// <summary>
/// A notification the mailer has claimed to send: the row, what to say, and how many attempts were made before this one.
/// </summary>
public sealed record PendingOrderNotification(OrderNotification Notification, OrderNotificationContent Content, int FailedAttempts);
