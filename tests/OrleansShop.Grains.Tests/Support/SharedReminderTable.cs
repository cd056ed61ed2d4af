using System.Collections.Concurrent;
using System.Globalization;

namespace OrleansShop.Grains.Tests.Support;

/// <summary>A reminder table the test keeps outside the cluster, so reminders registered before a restart still tick after it.</summary>
internal sealed class SharedReminderTable : IReminderTable
{
    private readonly ConcurrentDictionary<(GrainId, string), ReminderEntry> rows = new();
    private long version;

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Task.FromResult(new ReminderTableData(rows.Values.Where(r => r.GrainId == grainId).Select(Copy)));

    /// <summary>The ring range (begin, end], wrapping past zero when begin is not below end.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        Task.FromResult(new ReminderTableData(rows.Values.Where(r => InRange(r.GrainId.GetUniformHashCode(), begin, end)).Select(Copy)));

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        Task.FromResult(rows.TryGetValue((grainId, reminderName), out var row) ? Copy(row) : null);

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        var stored = Copy(entry);
        stored.ETag = Interlocked.Increment(ref version).ToString(CultureInfo.InvariantCulture);
        rows[(entry.GrainId, entry.ReminderName)] = stored;
        return Task.FromResult<string?>(stored.ETag);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        var key = (grainId, reminderName);
        return Task.FromResult(rows.TryGetValue(key, out var row) && row.ETag == eTag && rows.TryRemove(KeyValuePair.Create(key, row)));
    }

    public Task TestOnlyClearTable()
    {
        rows.Clear();
        return Task.CompletedTask;
    }

    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static ReminderEntry Copy(ReminderEntry row) => new()
    {
        GrainId = row.GrainId,
        ReminderName = row.ReminderName,
        StartAt = row.StartAt,
        Period = row.Period,
        ETag = row.ETag,
    };
}
