namespace OrleansShop.ReadModels.Notifications;

/// <summary>Where a notification is on its way to the customer (column <c>delivery</c>, stored lower-case).</summary>
public enum OrderNotificationDelivery
{
    /// <summary>Not sent yet: waiting for the mailer, or for its next attempt.</summary>
    Pending,

    /// <summary>The mail server accepted it.</summary>
    Sent,

    /// <summary>
    /// Given up after the attempt limit or a permanent refusal; kept with its last error for an administrator, who may
    /// retry it.
    /// </summary>
    Failed,

    /// <summary>Recorded before the outbox kept what to send: there is nothing to mail, and it was owed long ago.</summary>
    Skipped,
}
