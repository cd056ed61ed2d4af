using OrleansShop.Runtime.Diagnostics;

namespace OrleansShop.Runtime.Reminders;

/// <summary>One reminder's local ticking.</summary>
internal sealed class ScheduledReminder : IDisposable
{
    private readonly ReminderService owner;
    private readonly Timer timer;
    private bool disposed;

    // The due time the timer is armed for, and the last one ticked: each due time ticks once.
    private DateTimeOffset armedFor;
    private DateTimeOffset lastTicked = DateTimeOffset.MinValue;

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

        // Next tick on the definition's own schedule: StartAt + n * Period, never in the past, and never the due time
        // just ticked: a timer may wake slightly before its due time, which is then still "next".
        var now = owner.Now;
        var next = Entry.StartAt;
        if (next <= now)
        {
            var periods = ((now - next).Ticks / Entry.Period.Ticks) + 1;
            next += TimeSpan.FromTicks(periods * Entry.Period.Ticks);
        }

        if (next <= lastTicked)
        {
            next = lastTicked + Entry.Period;
        }

        armedFor = next;

        // Whole milliseconds, rounded up: the timer truncates, and waking early is what made due times tick twice.
        var delay = TimeSpan.FromMilliseconds(Math.Ceiling((next - now).TotalMilliseconds));
        try
        {
            timer.Change(delay, Timeout.InfiniteTimeSpan);
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

        lastTicked = armedFor;
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
