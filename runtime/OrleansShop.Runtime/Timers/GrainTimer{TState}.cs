using OrleansShop.Runtime.Activations;
using OrleansShop.Runtime.Diagnostics;

namespace OrleansShop.Runtime.Timers;

/// <summary>
/// A timer whose ticks are delivered to the activation like calls (waiting for, and blocking, other calls unless it
/// interleaves). The next tick is armed only after the callback's task completes, so ticks never overlap.
/// </summary>
internal sealed class GrainTimer<TState> : GrainTimer, IGrainTimer
{
    private readonly Lock sync = new();
    private readonly Activation activation;
    private readonly Func<TState, CancellationToken, Task> callback;
    private readonly TState state;
    private readonly GrainTimerCreationOptions options;
    private readonly Timer timer;
    private readonly CancellationTokenSource stopping = new();
    private TimeSpan dueTime;
    private TimeSpan period;
    private bool ticking;
    private bool stopped;

    public GrainTimer(Activation activation, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ValidatePeriod(options.DueTime, nameof(options.DueTime));
        ValidatePeriod(options.Period, nameof(options.Period));
        this.activation = activation;
        this.callback = callback;
        this.state = state;
        this.options = options;
        dueTime = options.DueTime;
        period = options.Period;
        timer = new Timer(static t => ((GrainTimer<TState>)t!).OnDue(), this, Timeout.Infinite, Timeout.Infinite);
    }

    public void Start()
    {
        lock (sync)
        {
            Arm(dueTime);
        }
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        ValidatePeriod(dueTime, nameof(dueTime));
        ValidatePeriod(period, nameof(period));
        lock (sync)
        {
            this.dueTime = dueTime;
            this.period = period;

            // A running tick re-arms when it finishes, with the new period.
            if (!ticking)
            {
                Arm(dueTime);
            }
        }
    }

    public void Dispose()
    {
        Stop();
        activation.RemoveTimer(this);
    }

    public override void Stop()
    {
        lock (sync)
        {
            if (stopped)
            {
                return;
            }

            stopped = true;
        }

        timer.Dispose();
        stopping.Cancel();
    }

    /// <summary>Runs the callback; called in a turn of the activation by <see cref="TimerTickWork{TState}"/>.</summary>
    internal Task InvokeCallback() => callback(state, stopping.Token);

    internal bool Interleaves => options.Interleave;

    internal bool KeepsAlive => options.KeepAlive;

    internal void OnTickFinished(Exception? exception)
    {
        if (exception is not null && exception is not OperationCanceledException)
        {
            RuntimeLog.TimerFailed(activation.Runtime.Logger, exception, activation.GrainId);
        }

        lock (sync)
        {
            ticking = false;
            Arm(period);
        }
    }

    private void OnDue()
    {
        lock (sync)
        {
            if (stopped || ticking)
            {
                return;
            }

            ticking = true;
        }

        activation.Deliver(new TimerTickWork<TState>(this), mayRunInline: false);
    }

    private void Arm(TimeSpan due)
    {
        if (stopped || due == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private static void ValidatePeriod(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "A timer's due time and period must be zero or more, or Timeout.InfiniteTimeSpan.");
        }
    }
}
