using OrleansShop.Runtime.Diagnostics;

namespace OrleansShop.Runtime.Reminders;

/// <summary>One reminder's local ticking.</summary>
internal sealed class ScheduledReminder : IDisposable
{
    private readonly ReminderService owner;
    private readonly Timer timer;
    private bool disposed;

    public ScheduledReminder(ReminderService owner, ReminderEntry entry)
    {
        this.owner = owner;
        Entry = entry;
        timer = new Timer(static s => _ = ((ScheduledReminder)s!).TickAsync(), this, Timeout.Infinite, Timeout.Infinite);
        Arm();
    }

    public ReminderEntry Entry { get; }

    public void Dispose()
    {
        disposed = true;
        timer.Dispose();
    }

    private void Arm()
    {
        if (disposed)
        {
            return;
        }

        // Next tick on the definition's own schedule: StartAt + n * Period, never in the past.
        var now = owner.Now;
        var next = Entry.StartAt;
        if (next <= now)
        {
            var periods = ((now - next).Ticks / Entry.Period.Ticks) + 1;
            next += TimeSpan.FromTicks(periods * Entry.Period.Ticks);
        }

        try
        {
            timer.Change(next - now, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task TickAsync()
    {
        if (disposed)
        {
            return;
        }

        var status = new TickStatus(Entry.StartAt, Entry.Period, owner.Now);
        try
        {
            await owner.Runtime.Router.SendAsync(Entry.GrainId, new ReceiveReminderRequest(Entry.ReminderName, status)).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            RuntimeLog.ReminderFailed(owner.Runtime.Logger, exception, Entry.ReminderName, Entry.GrainId);
        }

        Arm();
    }
}
