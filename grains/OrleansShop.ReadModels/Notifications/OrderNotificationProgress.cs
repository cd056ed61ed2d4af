namespace OrleansShop.ReadModels.Notifications;

/// <summary>
/// A notification with how far its delivery got, for an administrator: attempts counted against it, the last error as
/// the mailer recorded it (the server's answer or the exception's message), when it was last attempted and when it is due.
/// </summary>
public sealed record OrderNotificationProgress(
    OrderNotification Notification,
    int Attempts,
    string? LastError,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset NextAttemptAt);
