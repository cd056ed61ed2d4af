namespace OrleansShop.Runtime.Reminders;

/// <summary>The schedule of a reminder at the moment of one tick.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
