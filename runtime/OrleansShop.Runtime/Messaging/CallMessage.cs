using System.Diagnostics;
using System.Runtime.CompilerServices;
using OrleansShop.Runtime.Activations;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Clustering.Transport;
using OrleansShop.Runtime.Diagnostics;
using OrleansShop.Runtime.Filters;
using OrleansShop.Runtime.Invocation;

namespace OrleansShop.Runtime.Messaging;

/// <summary>
/// One grain call in flight: the request, who made it, and the caller's pending result. The result Task is only
/// created when the caller has to wait: a call that runs on the caller's thread and completes synchronously answers
/// with a completed task and never touches the builder.
/// </summary>
internal sealed class CallMessage<TResult> : ActivationWork
{
    // The answer's states: the caller may take the result directly (AnsweredInline) only if no Task was handed out.
    private const int Pending = 0;
    private const int PendingWithTask = 1;
    private const int AnsweredInline = 2;
    private const int Answered = 3;
    private const int Writing = 4;

    private static readonly Task<Unit> CompletedUnit = Task.FromResult(Unit.Value);

    private readonly GrainRequest<TResult> request;
    private readonly long startTimestamp;
    private readonly bool oneWay;
    private readonly bool allowsCallChainReentrancy;
    private AsyncTaskMethodBuilder<TResult> builder;

    // The answer for a caller that never needed the builder: often the grain's own completed task, handed on as is.
    private Task<TResult>? inlineAnswer;

    // The caller's request context, or, only while an activity listener is on, a CallTrace carrying it with the
    // call's activity: one field for both keeps the message (allocated per call) a word smaller.
    private object? ambient;
    private int state;

    public CallMessage(GrainRequest<TResult> request, ActivationWork? caller, bool oneWay)
        : base(caller)
    {
        this.request = request;
        this.oneWay = oneWay;
        var requestContext = RequestContext.CurrentData;
        allowsCallChainReentrancy = requestContext is not null && RequestContext.AllowsCallChainReentrancy;

        // One timestamp serves both the timeout sweep and the duration histogram.
        startTimestamp = Stopwatch.GetTimestamp();

        ambient = RuntimeInstruments.ActivitySource.HasListeners() ? new CallTrace(requestContext, Activity.Current) : requestContext;
    }

    public GrainRequest<TResult> Request => request;

    public override bool IsReadOnly => (request.Flags & GrainRequestFlags.ReadOnly) != 0;

    public override bool IsAlwaysInterleave => (request.Flags & GrainRequestFlags.AlwaysInterleave) != 0;

    public override bool AllowsCallChainReentrancy => allowsCallChainReentrancy;

    public override bool IsAnswered => Volatile.Read(ref state) >= AnsweredInline;

    public override long StartTimestamp => oneWay ? 0 : startTimestamp;

    public override void OnQueued()
    {
        // Another thread may answer as soon as the message is queued: hand the caller its Task first.
        if (!oneWay)
        {
            GetTask();
        }
    }

    public override void Start()
    {
        var activation = Activation!;
        var trace = ambient as CallTrace;
        var requestContext = trace is null ? (RequestContextData?)ambient : trace.RequestContext;
        if (!ReferenceEquals(RequestContext.CurrentData, requestContext))
        {
            RequestContext.CurrentData = requestContext;
        }

        Activity? previousActivity = null;
        if (trace is not null || RuntimeInstruments.ActivitySource.HasListeners())
        {
            if (trace is null)
            {
                ambient = trace = new CallTrace(requestContext, null);
            }

            previousActivity = Activity.Current;
            var activity = RuntimeInstruments.ActivitySource.StartActivity(
                request.InterfaceType.Name + "/" + request.MethodName,
                ActivityKind.Server,
                trace.Activity?.Context ?? default(ActivityContext));
            activity?.SetTag("orleansshop.grain.id", activation.GrainId.ToString());
            trace.Activity = activity;
        }

        ValueTask<TResult> pending;
        try
        {
            pending = activation.Runtime.IncomingFilters.Length == 0 && !activation.GrainClass.IsIncomingFilter
                ? request.InvokeAsync(activation.GrainInstance!)
                : new ValueTask<TResult>(IncomingCallContext<TResult>.InvokeAsync(this, activation));
        }
        catch (Exception exception)
        {
            Complete(default, exception);
            RestoreActivity(previousActivity);
            return;
        }

        if (pending.IsCompleted)
        {
            CompleteFrom(pending);
        }
        else
        {
            GetTask();
            _ = CompleteWhenDoneAsync(pending);
        }

        RestoreActivity(previousActivity);
    }

    public override void Fail(Exception exception) => Answer(default, exception);

    public override bool TryForward(SiloTransport cluster, SiloAddress owner, GrainId grainId)
    {
        IsFinished = true;
        _ = ForwardAsync(cluster, owner, grainId);
        return true;
    }

    public override void TimeOut(TimeoutException exception) => Answer(default, exception, completedTask: null, publishAsynchronously: true);

    public override string Describe() => Activation?.GrainId + " " + request.InterfaceType.Name + "." + request.MethodName;

    /// <summary>The caller's view of the result; called once by the router after delivery (and internally before queuing).</summary>
    public Task<TResult> GetTask()
    {
        var spinner = default(SpinWait);
        while (true)
        {
            switch (Volatile.Read(ref state))
            {
                case AnsweredInline:
                    return inlineAnswer!;
                case Writing:
                    spinner.SpinOnce();
                    continue;
                case Pending:
                    _ = builder.Task;
                    if (Interlocked.CompareExchange(ref state, PendingWithTask, Pending) == Pending)
                    {
                        return builder.Task;
                    }

                    continue;
                default:
                    return builder.Task;
            }
        }
    }

    private async Task ForwardAsync(SiloTransport cluster, SiloAddress owner, GrainId grainId)
    {
        // The request travels with the caller's request context, as it would have from the caller.
        var trace = ambient as CallTrace;
        RequestContext.CurrentData = trace is null ? (RequestContextData?)ambient : trace.RequestContext;
        try
        {
            if (oneWay)
            {
                await cluster.SendOneWayAsync(owner, grainId, request).ConfigureAwait(false);
                return;
            }

            var value = await cluster.SendAsync(owner, grainId, request, Caller).ConfigureAwait(false);
            Answer(value, null, publishAsynchronously: true);
        }
        catch (Exception exception)
        {
            if (!oneWay)
            {
                Answer(default, exception, publishAsynchronously: true);
            }
        }
    }

    private void CompleteFrom(ValueTask<TResult> completed)
    {
        if (typeof(TResult) == typeof(Unit))
        {
            try
            {
                completed.GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                Complete(default, exception);
                return;
            }

            Complete(default, null);
            return;
        }

        // A Task-backed ValueTask gives back its task without allocating: the caller gets the grain's own task.
        var task = completed.AsTask();
        if (task.IsCompletedSuccessfully)
        {
            Complete(task.Result, null, task);
        }
        else
        {
            Complete(default, task.Exception?.InnerException ?? new TaskCanceledException(task), task);
        }
    }

    private async Task CompleteWhenDoneAsync(ValueTask<TResult> pending)
    {
        TResult value;
        try
        {
            value = await pending.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Complete(default, exception);
            return;
        }

        Complete(value, null);
    }

    private void Complete(TResult? value, Exception? exception, Task<TResult>? completedTask = null)
    {
        var activation = Activation!;
        activation.OnWorkFinished(this, exception);
        if (ambient is CallTrace { Activity: { } finished })
        {
            if (exception is not null)
            {
                finished.SetStatus(ActivityStatusCode.Error, exception.Message);
            }

            var current = Activity.Current;
            finished.Stop();
            Activity.Current = current;
        }

        if (oneWay)
        {
            if (exception is not null)
            {
                RuntimeLog.OneWayFailed(activation.Runtime.Logger, exception, request.ToString(), activation.GrainId);
            }

            return;
        }

        Answer(value, exception, completedTask);
    }

    private void Answer(TResult? value, Exception? exception, Task<TResult>? completedTask = null, bool publishAsynchronously = false)
    {
        if (exception is not null)
        {
            RuntimeInstruments.CallFailures.Add(1);
        }

        var spinner = default(SpinWait);
        while (true)
        {
            switch (Volatile.Read(ref state))
            {
                case Pending:
                    if (Interlocked.CompareExchange(ref state, Writing, Pending) != Pending)
                    {
                        continue;
                    }

                    inlineAnswer = completedTask ?? (exception is null ? FromResult(value!) : Task.FromException<TResult>(exception));
                    Volatile.Write(ref state, AnsweredInline);
                    RecordDuration();
                    return;
                case PendingWithTask:
                    if (Interlocked.CompareExchange(ref state, Answered, PendingWithTask) != PendingWithTask)
                    {
                        continue;
                    }

                    RecordDuration();

                    // A caller outside any grain would run its continuation right here, and if this is an
                    // activation's turn, the activation cannot start another turn until that code returns (or
                    // ever, when it blocks, e.g. reading its next request): hand it to the thread pool instead.
                    // A grain caller's continuation is only posted to its own activation, so it is answered inline.
                    // A caller on another silo waits through the transport here, which is not a grain either.
                    if (publishAsynchronously || ((Caller is null or Clustering.Transport.RemoteCaller) && SynchronizationContext.Current is ActivationWork))
                    {
                        ThreadPool.UnsafeQueueUserWorkItem(
                            static answer => answer.Message.Publish(answer.Value, answer.Exception),
                            (Message: this, Value: value, Exception: exception),
                            preferLocal: false);
                    }
                    else
                    {
                        Publish(value, exception);
                    }

                    return;
                case Writing:
                    spinner.SpinOnce();
                    continue;
                default:
                    return;
            }
        }
    }

    private void Publish(TResult? value, Exception? exception)
    {
        // The caller's continuation may run right here: it must not think it is inside this grain's turn.
        var context = SynchronizationContext.Current;
        var insideTurn = context is ActivationWork;
        if (insideTurn)
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        try
        {
            if (exception is null)
            {
                builder.SetResult(value!);
            }
            else
            {
                builder.SetException(exception);
            }
        }
        finally
        {
            if (insideTurn)
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }
        }
    }

    private void RecordDuration()
    {
        if (RuntimeInstruments.CallDuration.Enabled)
        {
            RuntimeInstruments.CallDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);
        }
    }

    private static void RestoreActivity(Activity? previous)
    {
        if (previous is not null || Activity.Current is not null)
        {
            Activity.Current = previous;
        }
    }

    private static Task<TResult> FromResult(TResult value) =>
        typeof(TResult) == typeof(Unit) ? (Task<TResult>)(object)CompletedUnit : Task.FromResult(value);
}
