namespace OrleansShop.Runtime.Reminders;

/// <summary>Durable storage of reminder definitions (Orleans' IReminderTable), in the same database as grain state.</summary>
public interface IReminderTable
{
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default);

    Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the reminder; returns the new ETag.</summary>
    Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes the reminder if its ETag matches; returns whether a row was removed.</summary>
    Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default);
}
