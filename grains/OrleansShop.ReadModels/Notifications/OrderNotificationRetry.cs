namespace OrleansShop.ReadModels.Notifications;

/// <summary>What became of an administrator's retry of a notification.</summary>
public enum OrderNotificationRetry
{
    /// <summary>It was failed and is pending again, due now.</summary>
    Retried,

    /// <summary>No notification has that id.</summary>
    NotFound,

    /// <summary>It is pending, sent or skipped: nothing to retry, and it was left as it was.</summary>
    NotFailed,
}
