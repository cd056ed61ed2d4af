using System.Globalization;

namespace OrleansShop.Runtime.Reminders;

/// <summary>
/// A reminder table in process memory, for tests and demos. Pass the same instance to several silos (or to a silo
/// started again) to see definitions survive, as they would in a database.
/// </summary>
public sealed class InMemoryReminderTable : IReminderTable
{
    private readonly Lock sync = new();
    private readonly Dictionary<(GrainId GrainId, string Name), ReminderEntry> rows = [];
    private long lastVersion;

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        lock (sync)
        {
            return Task.FromResult<IReadOnlyList<ReminderEntry>>([.. rows.Values]);
        }
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        lock (sync)
        {
            return Task.FromResult<IReadOnlyList<ReminderEntry>>([.. rows.Values.Where(r => r.GrainId == grainId)]);
        }
    }

    public Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        lock (sync)
        {
            return Task.FromResult(rows.GetValueOrDefault((grainId, reminderName)));
        }
    }

    public Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (sync)
        {
            var etag = (++lastVersion).ToString(CultureInfo.InvariantCulture);
            rows[(entry.GrainId, entry.ReminderName)] = entry with { ETag = etag };
            return Task.FromResult(etag);
        }
    }

    public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default)
    {
        lock (sync)
        {
            var removed = rows.TryGetValue((grainId, reminderName), out var row) && row.ETag == eTag && rows.Remove((grainId, reminderName));
            return Task.FromResult(removed);
        }
    }
}
