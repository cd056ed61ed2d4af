using Microsoft.Extensions.Options;
using OrleansShop.Runtime.Configuration;
using OrleansShop.Runtime.Diagnostics;

namespace OrleansShop.Runtime.Reminders;

/// <summary>
/// Keeps reminder definitions in the reminder table and ticks them on this silo: a tick is a ReceiveReminder call,
/// which activates the grain if needed. Definitions are durable; ticks are not (one missed while no silo runs is
/// skipped, as in Orleans). With one silo it owns every reminder; a cluster will split them by grain id.
/// </summary>
internal sealed class ReminderService : IReminderRegistry, IAsyncDisposable
{
    private readonly Lock sync = new();
    private readonly Dictionary<(GrainId GrainId, string Name), ScheduledReminder> scheduled = [];
    private readonly IReminderTable? table;
    private readonly SiloRuntime runtime;
    private readonly ReminderOptions options;
    private readonly TimeProvider clock = TimeProvider.System;
    private Timer? refresh;
    private bool stopped;

    public ReminderService(SiloRuntime runtime, IOptions<ReminderOptions> options, IReminderTable? table = null)
    {
        this.runtime = runtime;
        this.options = options.Value;
        this.table = table;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (table is null)
        {
            return;
        }

        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        refresh = new Timer(
            static s => _ = ((ReminderService)s!).RefreshAsync(CancellationToken.None),
            this,
            options.RefreshReminderListPeriod,
            options.RefreshReminderListPeriod);
    }

    public async Task<IGrainReminder> RegisterOrUpdateReminder(GrainId callingGrainId, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        if (period < options.MinimumReminderPeriod)
        {
            throw new ArgumentOutOfRangeException(
                nameof(period), period, $"A reminder's period must be at least {options.MinimumReminderPeriod} (ReminderOptions.MinimumReminderPeriod).");
        }

        if (dueTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A reminder's due time must not be negative.");
        }

        var entry = new ReminderEntry(callingGrainId, reminderName, clock.GetUtcNow() + dueTime, period);
        var etag = await Table.UpsertRowAsync(entry).ConfigureAwait(true);
        Schedule(entry with { ETag = etag });
        return new GrainReminder(reminderName, etag);
    }

    public async Task UnregisterReminder(GrainId callingGrainId, IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var current = await Table.ReadRowAsync(callingGrainId, reminder.ReminderName).ConfigureAwait(true);
        if (current?.ETag is { } etag)
        {
            await Table.RemoveRowAsync(callingGrainId, reminder.ReminderName, etag).ConfigureAwait(true);
        }

        Unschedule((callingGrainId, reminder.ReminderName));
    }

    public async Task<IGrainReminder?> GetReminder(GrainId callingGrainId, string reminderName)
    {
        var row = await Table.ReadRowAsync(callingGrainId, reminderName).ConfigureAwait(true);
        return row is null ? null : new GrainReminder(row.ReminderName, row.ETag ?? string.Empty);
    }

    public async Task<IReadOnlyList<IGrainReminder>> GetReminders(GrainId callingGrainId)
    {
        var rows = await Table.ReadRowsAsync(callingGrainId).ConfigureAwait(true);
        return [.. rows.Select(r => (IGrainReminder)new GrainReminder(r.ReminderName, r.ETag ?? string.Empty))];
    }

    public async ValueTask DisposeAsync()
    {
        ScheduledReminder[] all;
        lock (sync)
        {
            stopped = true;
            all = [.. scheduled.Values];
            scheduled.Clear();
        }

        if (refresh is not null)
        {
            await refresh.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var reminder in all)
        {
            reminder.Dispose();
        }
    }

    private IReminderTable Table =>
        table ?? throw new InvalidOperationException("No reminder table is registered: call UseInMemoryReminderTable or a SQL reminder table on the silo builder.");

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ReminderEntry> rows;
        try
        {
            rows = await Table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            RuntimeLog.ReminderTableReadFailed(runtime.Logger, exception);
            return;
        }

        var present = new HashSet<(GrainId, string)>();
        foreach (var row in rows)
        {
            // In a cluster each reminder ticks on the silo owning its grain only; ownership moves show at the next refresh.
            if (runtime.Cluster is { } cluster && cluster.TryGetRemoteOwner(row.GrainId, out _))
            {
                continue;
            }

            present.Add((row.GrainId, row.ReminderName));
            Schedule(row);
        }

        lock (sync)
        {
            foreach (var key in scheduled.Keys.Where(k => !present.Contains(k)).ToList())
            {
                scheduled.Remove(key, out var gone);
                gone?.Dispose();
            }
        }
    }

    private void Schedule(ReminderEntry entry)
    {
        ScheduledReminder? replaced = null;
        lock (sync)
        {
            if (stopped)
            {
                return;
            }

            var key = (entry.GrainId, entry.ReminderName);
            if (scheduled.TryGetValue(key, out var existing))
            {
                if (existing.Entry.ETag == entry.ETag)
                {
                    return;
                }

                replaced = existing;
            }

            scheduled[key] = new ScheduledReminder(this, entry);
        }

        replaced?.Dispose();
    }

    private void Unschedule((GrainId, string) key)
    {
        ScheduledReminder? removed;
        lock (sync)
        {
            scheduled.Remove(key, out removed);
        }

        removed?.Dispose();
    }

    internal DateTimeOffset Now => clock.GetUtcNow();

    internal SiloRuntime Runtime => runtime;
}
