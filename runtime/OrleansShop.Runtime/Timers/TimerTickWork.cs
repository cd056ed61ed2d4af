using OrleansShop.Runtime.Activations;

namespace OrleansShop.Runtime.Timers;

/// <summary>One tick of a grain timer, admitted to the activation like a call.</summary>
internal sealed class TimerTickWork<TState> : ActivationWork
{
    private readonly GrainTimer<TState> timer;

    public TimerTickWork(GrainTimer<TState> timer)
        : base(caller: null) => this.timer = timer;

    public override bool IsAlwaysInterleave => timer.Interleaves;

    public override bool KeepsAlive => timer.KeepsAlive;

    public override bool FollowsGrain => false;

    public override void Start()
    {
        Task tick;
        try
        {
            tick = timer.InvokeCallback();
        }
        catch (Exception exception)
        {
            Finish(exception);
            return;
        }

        if (tick.IsCompleted)
        {
            Finish(tick.Exception?.InnerException);
        }
        else
        {
            tick.ContinueWith(static (t, s) => ((TimerTickWork<TState>)s!).Finish(t.Exception?.InnerException), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    public override void Fail(Exception exception)
    {
    }

    public override string Describe() => Activation?.GrainId + " (timer)";

    private void Finish(Exception? exception)
    {
        Activation!.OnWorkFinished(this, exception);
        timer.OnTickFinished(exception);
    }
}
