namespace OrleansShop.Runtime.Reminders;

/// <summary>A durable reminder definition. <see cref="ETag"/> is the stored version, used for conditional updates.</summary>
public sealed record ReminderEntry(GrainId GrainId, string ReminderName, DateTimeOffset StartAt, TimeSpan Period, string? ETag = null);
