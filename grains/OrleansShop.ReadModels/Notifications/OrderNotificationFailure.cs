namespace OrleansShop.ReadModels.Notifications;

/// <summary>A notification the mailer gave up on, for an administrator to look into.</summary>
public sealed record OrderNotificationFailure(OrderNotification Notification, int Attempts, string LastError);
