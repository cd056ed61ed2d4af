namespace OrleansShop.Runtime.Configuration;

/// <summary>Reminder scheduling (Orleans' ReminderOptions).</summary>
public sealed class ReminderOptions
{
    /// <summary>Shortest period a reminder may have. Orleans' one minute; tests lower it.</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the silo re-reads the reminder table to pick up definitions written elsewhere.</summary>
    public TimeSpan RefreshReminderListPeriod { get; set; } = TimeSpan.FromMinutes(5);
}
