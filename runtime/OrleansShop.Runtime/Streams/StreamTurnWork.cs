using System.Diagnostics;
using OrleansShop.Runtime.Activations;

namespace OrleansShop.Runtime.Streams;

/// <summary>
/// One delivery to a grain subscriber, admitted to its activation like a grain call, so the observer runs in the
/// grain's turns and never alongside its other calls. <see cref="Outcome"/> is true once it ran (its exception, if
/// any, is the task's), false when the activation went away without running it.
/// </summary>
internal sealed class StreamTurnWork : ActivationWork
{
    private readonly Func<Task> delivery;
    private readonly string description;
    private readonly long startTimestamp = Stopwatch.GetTimestamp();
    private readonly TaskCompletionSource<bool> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamTurnWork(Func<Task> delivery, string description)
        : base(caller: null)
    {
        this.delivery = delivery;
        this.description = description;
    }

    public Task<bool> Outcome => outcome.Task;

    /// <summary>Not carried to the grain's next activation: the observer belongs to this one.</summary>
    public override bool FollowsGrain => false;

    public override bool IsAnswered => outcome.Task.IsCompleted;

    /// <summary>A stuck observer times out like a call, so its subscription's later items are not held forever.</summary>
    public override long StartTimestamp => startTimestamp;

    public override void Start()
    {
        Task running;
        try
        {
            running = delivery();
        }
        catch (Exception exception)
        {
            Finish(exception);
            return;
        }

        if (running.IsCompleted)
        {
            Finish(Error(running));
        }
        else
        {
            running.ContinueWith(static (t, s) => ((StreamTurnWork)s!).Finish(Error(t)), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    public override void Fail(Exception exception) => outcome.TrySetResult(false);

    public override void TimeOut(TimeoutException exception) => outcome.TrySetException(exception);

    public override void OnDropped() => outcome.TrySetResult(false);

    public override string Describe() => Activation?.GrainId + " " + description;

    private void Finish(Exception? exception)
    {
        Activation!.OnWorkFinished(this, exception);
        if (exception is null)
        {
            outcome.TrySetResult(true);
        }
        else
        {
            outcome.TrySetException(exception);
        }
    }

    private static Exception? Error(Task task) =>
        task.IsFaulted ? task.Exception!.InnerException : task.IsCanceled ? new TaskCanceledException(task) : null;
}
