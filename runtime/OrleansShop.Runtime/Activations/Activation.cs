using System.Text;
using OrleansShop.Runtime.Catalog;
using OrleansShop.Runtime.Diagnostics;
using OrleansShop.Runtime.Invocation;
using OrleansShop.Runtime.Placement;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Timers;

namespace OrleansShop.Runtime.Activations;

/// <summary>
/// One grain activation: its instance, the calls it admits, and a serial executor that runs its turns one at a time
/// on the thread pool (or, when it is idle and the caller is outside any grain, on the caller's thread).
/// Admission follows Orleans: a call is admitted when nothing runs, or it is [AlwaysInterleave], or the grain is
/// [Reentrant], or it and everything running are [ReadOnly]; otherwise it waits, in arrival order.
/// </summary>
internal sealed class Activation : GrainTarget, IGrainContext, IThreadPoolWorkItem
{
    private const int TurnsPerSlice = 64;

    private readonly Lock sync = new();
    private readonly StatelessWorkerPool? pool;
    private ActivationStatus status = ActivationStatus.Activating;
    private object? grain;
    private GrainReference? reference;

    // Admission: what runs (one slot covers the non-reentrant common case) and what waits.
    private ActivationWork? running;
    private List<ActivationWork>? moreRunning;
    private int runningCount;
    private int runningWriters;
    private Queue<ActivationWork>? waiting;

    // Execution: queued turns and whether some thread is running them.
    private Queue<Turn>? turns;
    private bool executing;

    private long lastActivity = Environment.TickCount64;
    private long keepAliveUntil;
    private DeactivationReason deactivationReason;
    private bool deactivateAfterActivation;
    private bool deactivationStarted;
    private List<GrainTimer>? timers;
    private TaskCompletionSource? deactivated;

    // This activation's grain directory entry while it holds one (directory-placed grains in a cluster).
    private GrainAddress? directoryEntry;

    public Activation(SiloRuntime runtime, GrainClass grainClass, GrainId grainId, StatelessWorkerPool? pool)
    {
        Runtime = runtime;
        GrainClass = grainClass;
        GrainId = grainId;
        this.pool = pool;
    }

    public SiloRuntime Runtime { get; }

    public GrainClass GrainClass { get; }

    public GrainId GrainId { get; }

    public object? GrainInstance => grain;

    public GrainReference GrainReference =>
        reference ??= GrainReferenceActivator.Create(GrainClass.PrimaryInterface, GrainId, Runtime.Router);

    public IServiceProvider ActivationServices => Runtime.Services;

    /// <summary>How busy the activation is, for picking a stateless worker (read without the lock: a hint).</summary>
    public int Load => Volatile.Read(ref runningCount) + (waiting?.Count ?? 0);

    public bool IsValid => status == ActivationStatus.Valid;

    /// <summary>Queues the activation turn: construct the grain, read its state, run OnActivateAsync.</summary>
    public void Start()
    {
        bool schedule;
        lock (sync)
        {
            schedule = EnqueueTurnLocked(new Turn(new LifecycleWork(this, deactivate: false), null, null));
        }

        if (schedule)
        {
            Schedule();
        }
    }

    public override DeliveryOutcome Deliver(ActivationWork work, bool mayRunInline)
    {
        bool schedule = false, inline = false;
        ActivationWork? blockedCaller = null;
        lock (sync)
        {
            if (status == ActivationStatus.Invalid)
            {
                return DeliveryOutcome.Refused;
            }

            work.Activation = this;
            if (CanAdmit(work, fromQueue: false) ||
                (work.AllowsCallChainReentrancy && status == ActivationStatus.Valid && FindWaitingCaller(work) is not null))
            {
                AddRunning(work);
                if (mayRunInline && !executing && (turns is null || turns.Count == 0))
                {
                    executing = true;
                    inline = true;
                }
                else
                {
                    work.OnQueued();
                    schedule = EnqueueTurnLocked(new Turn(work, null, null));
                }
            }
            else if ((blockedCaller = FindWaitingCaller(work)) is null)
            {
                work.OnQueued();
                (waiting ??= new Queue<ActivationWork>()).Enqueue(work);
            }
        }

        if (blockedCaller is not null)
        {
            work.IsFinished = true;
            work.Fail(new DeadlockException(DescribeCycle(work, blockedCaller)));
        }
        else if (inline)
        {
            RunInline(work);
        }
        else if (schedule)
        {
            Schedule();
        }

        return DeliveryOutcome.Accepted;
    }

    /// <summary>Called by work when it stops holding the activation.</summary>
    public void OnWorkFinished(ActivationWork work, Exception? error)
    {
        work.IsFinished = true;
        bool schedule;
        lock (sync)
        {
            RemoveRunning(work);
            if (work.KeepsAlive)
            {
                lastActivity = Environment.TickCount64;
            }

            // Our copy of the state is stale: drop it so the next call reads the current version. Beginning may itself
            // queue the deactivation turn, and then this thread must schedule it: nothing else will.
            var deactivationQueued = error is InconsistentStateException
                && BeginDeactivationLocked(new DeactivationReason(DeactivationReasonCode.ApplicationError, "The grain's state was changed elsewhere.", error));

            schedule = deactivationQueued || status switch
            {
                ActivationStatus.Valid => AdmitWaitingLocked(),
                ActivationStatus.Deactivating => StartDeactivationIfIdleLocked(),
                _ => false,
            };
        }

        if (schedule)
        {
            Schedule();
        }
    }

    /// <summary>Posts a continuation of <paramref name="work"/> as a turn.</summary>
    public void EnqueueTurn(ActivationWork work, SendOrPostCallback callback, object? state)
    {
        bool schedule;
        lock (sync)
        {
            schedule = EnqueueTurnLocked(new Turn(work, callback, state));
        }

        if (schedule)
        {
            Schedule();
        }
    }

    public void Deactivate(DeactivationReason reason)
    {
        bool schedule;
        lock (sync)
        {
            schedule = BeginDeactivationLocked(reason);
        }

        if (schedule)
        {
            Schedule();
        }
    }

    /// <summary>Deactivates and completes when the activation is gone.</summary>
    public Task DeactivateAsync(DeactivationReason reason)
    {
        Task done;
        bool schedule;
        lock (sync)
        {
            if (status == ActivationStatus.Invalid)
            {
                return Task.CompletedTask;
            }

            done = (deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            schedule = BeginDeactivationLocked(reason);
        }

        if (schedule)
        {
            Schedule();
        }

        return done;
    }

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        var until = Environment.TickCount64 + (long)timeSpan.TotalMilliseconds;
        lock (sync)
        {
            keepAliveUntil = Math.Max(keepAliveUntil, until);
        }
    }

    public IGrainTimer RegisterTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new GrainTimer<TState>(this, callback, state, options);
        lock (sync)
        {
            if (status is ActivationStatus.Deactivating or ActivationStatus.Invalid)
            {
                throw new InvalidOperationException($"Cannot register a timer on {GrainId}: it is deactivating.");
            }

            (timers ??= []).Add(timer);
        }

        timer.Start();
        return timer;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (sync)
        {
            timers?.Remove(timer);
        }
    }

    public override void SweepTimeouts(long startedBefore, List<ActivationWork> expired)
    {
        if (Volatile.Read(ref runningCount) == 0 && waiting is null)
        {
            return;
        }

        lock (sync)
        {
            AddExpired(running, startedBefore, expired);
            if (moreRunning is not null)
            {
                foreach (var work in moreRunning)
                {
                    AddExpired(work, startedBefore, expired);
                }
            }

            if (waiting is not null)
            {
                foreach (var work in waiting)
                {
                    AddExpired(work, startedBefore, expired);
                }
            }
        }
    }

    public override void CollectIdle(long now, long ageMilliseconds)
    {
        bool schedule;
        lock (sync)
        {
            if (status != ActivationStatus.Valid || runningCount != 0 || waiting is { Count: > 0 } || executing ||
                now - lastActivity < ageMilliseconds || now < keepAliveUntil)
            {
                return;
            }

            schedule = BeginDeactivationLocked(new DeactivationReason(DeactivationReasonCode.ActivationIdle, "The activation was idle."));
        }

        if (schedule)
        {
            Schedule();
        }
    }

    public override void CollectActivations(List<Activation> into) => into.Add(this);

    void IThreadPoolWorkItem.Execute()
    {
        for (var i = 0; i < TurnsPerSlice; i++)
        {
            Turn turn;
            lock (sync)
            {
                if (turns is null || !turns.TryDequeue(out turn))
                {
                    executing = false;
                    return;
                }
            }

            RunTurn(turn);
        }

        // Yield the thread so that one busy activation cannot starve the others.
        lock (sync)
        {
            if (turns is null || turns.Count == 0)
            {
                executing = false;
                return;
            }
        }

        Schedule();
    }

    internal async Task RunActivationAsync(LifecycleWork work)
    {
        try
        {
            using var timeout = new CancellationTokenSource(Runtime.ActivationTimeout);
            if (GrainClass.UsesDirectory && Runtime.Cluster?.Placement is { } placement)
            {
                // Before anything runs: if another silo's activation registered first, this one must not exist.
                directoryEntry = await placement.RegisterAsync(GrainId, timeout.Token);
            }

            IPersistentStateLoader[] states;
            ActivatingGrainContext.Current = this;
            try
            {
                grain = GrainClass.CreateInstance(Runtime.Services, GrainId, out states);
            }
            finally
            {
                ActivatingGrainContext.Current = null;
            }

            foreach (var state in states)
            {
                await state.ReadStateAsync(timeout.Token);
            }

            if (grain is IGrainBase grainBase)
            {
                await grainBase.OnActivateAsync(timeout.Token);
            }
        }
        catch (Exception exception)
        {
            work.IsFinished = true;
            if (exception is not DuplicateActivationException)
            {
                RuntimeLog.ActivationFailed(Runtime.Logger, exception, GrainId);
            }

            await UnregisterAsync();
            RemoveFromDirectory();
            Queue<ActivationWork>? failed;
            lock (sync)
            {
                status = ActivationStatus.Invalid;
                failed = waiting;
                waiting = null;
                deactivated?.TrySetResult();
            }

            while (failed is not null && failed.TryDequeue(out var pending))
            {
                pending.IsFinished = true;
                pending.Fail(exception);
            }

            return;
        }

        work.IsFinished = true;
        RuntimeInstruments.Activations.Add(1);
        bool schedule;
        lock (sync)
        {
            status = ActivationStatus.Valid;
            lastActivity = Environment.TickCount64;
            schedule = deactivateAfterActivation ? BeginDeactivationLocked(deactivationReason) : AdmitWaitingLocked();
        }

        if (schedule)
        {
            Schedule();
        }
    }

    internal async Task RunDeactivationAsync(LifecycleWork work)
    {
        List<GrainTimer>? stopped;
        DeactivationReason reason;
        lock (sync)
        {
            stopped = timers;
            timers = null;
            reason = deactivationReason;
        }

        if (stopped is not null)
        {
            foreach (var timer in stopped)
            {
                timer.Stop();
            }
        }

        // Idle collection and grains moving to another silo are routine, and can be thousands at once: not one line each.
        if (reason.ReasonCode is not (DeactivationReasonCode.ActivationIdle or DeactivationReasonCode.Migrating))
        {
            RuntimeLog.Deactivating(Runtime.Logger, GrainId, reason);
        }

        try
        {
            using var timeout = new CancellationTokenSource(Runtime.DeactivationTimeout);
            if (grain is IGrainBase grainBase)
            {
                await grainBase.OnDeactivateAsync(reason, timeout.Token);
            }
        }
        catch (Exception exception)
        {
            RuntimeLog.DeactivationFailed(Runtime.Logger, exception, GrainId);
        }

        // Before the local slot frees: a next activation here must find the entry gone, not its predecessor's.
        await UnregisterAsync();
        RemoveFromDirectory();
        Queue<ActivationWork>? pending;
        lock (sync)
        {
            status = ActivationStatus.Invalid;
            pending = waiting;
            waiting = null;
            deactivated?.TrySetResult();
        }

        work.IsFinished = true;
        grain = null;
        RuntimeInstruments.Activations.Add(-1);

        // Calls that arrived while we were leaving go to the grain's next activation. A handed-over call is not
        // finished: calls it makes still count it as holding its (next) activation, so their cycles are detected.
        while (pending is not null && pending.TryDequeue(out var next))
        {
            if (!next.IsAnswered && next.FollowsGrain)
            {
                Runtime.Router.Redeliver(next, GrainId);
            }
            else
            {
                next.IsFinished = true;
                next.OnDropped();
            }
        }
    }

    private async Task UnregisterAsync()
    {
        if (directoryEntry is { } entry && Runtime.Cluster?.Placement is { } placement)
        {
            directoryEntry = null;
            await placement.UnregisterAsync(entry);
        }
    }

    private void RemoveFromDirectory()
    {
        if (pool is not null)
        {
            pool.Remove(this);
        }
        else
        {
            Runtime.Directory.Remove(GrainId, this);
        }
    }

    private bool CanAdmit(ActivationWork work, bool fromQueue)
    {
        if (status != ActivationStatus.Valid)
        {
            return false;
        }

        if (work.IsAlwaysInterleave)
        {
            return true;
        }

        // Arrival order: a newcomer does not overtake calls already waiting.
        if (!fromQueue && waiting is { Count: > 0 })
        {
            return false;
        }

        return runningCount == 0 || GrainClass.IsReentrant || (work.IsReadOnly && runningWriters == 0);
    }

    /// <summary>The work up the call chain that holds this activation and so waits for <paramref name="work"/>.</summary>
    private ActivationWork? FindWaitingCaller(ActivationWork work)
    {
        for (var caller = work.Caller; caller is not null; caller = caller.Caller)
        {
            if (ReferenceEquals(caller.Activation, this) && !caller.IsFinished)
            {
                return caller;
            }
        }

        return null;
    }

    private static string DescribeCycle(ActivationWork work, ActivationWork blockedCaller)
    {
        var chain = new List<string>();
        for (var link = work; link is not null; link = link.Caller)
        {
            chain.Add(link.Describe());
            if (ReferenceEquals(link, blockedCaller))
            {
                break;
            }
        }

        chain.Reverse();
        var message = new StringBuilder("Call cycle on non-reentrant grain ")
            .Append(blockedCaller.Activation!.GrainId)
            .Append(" would deadlock: ")
            .AppendJoin(" -> ", chain)
            .Append(". Make the grain [Reentrant], mark the method [ReadOnly] or [AlwaysInterleave], or make the call inside RequestContext.AllowCallChainReentrancy().");
        return message.ToString();
    }

    private void AddRunning(ActivationWork work)
    {
        if (running is null)
        {
            running = work;
        }
        else
        {
            (moreRunning ??= []).Add(work);
        }

        runningCount++;
        if (!work.IsReadOnly)
        {
            runningWriters++;
        }

        if (work.KeepsAlive)
        {
            lastActivity = Environment.TickCount64;
        }
    }

    private void RemoveRunning(ActivationWork work)
    {
        if (ReferenceEquals(running, work))
        {
            running = null;
        }
        else if (moreRunning is null || !moreRunning.Remove(work))
        {
            return;
        }

        runningCount--;
        if (!work.IsReadOnly)
        {
            runningWriters--;
        }
    }

    private bool AdmitWaitingLocked()
    {
        var schedule = false;
        while (waiting is { Count: > 0 })
        {
            var next = waiting.Peek();
            if (next.IsAnswered)
            {
                // Its caller gave up (timeout): do not run it.
                waiting.Dequeue();
                next.IsFinished = true;
                continue;
            }

            if (!CanAdmit(next, fromQueue: true))
            {
                break;
            }

            waiting.Dequeue();
            AddRunning(next);
            schedule |= EnqueueTurnLocked(new Turn(next, null, null));
        }

        if (waiting is { Count: 0 })
        {
            waiting = null;
        }

        return schedule;
    }

    private bool BeginDeactivationLocked(DeactivationReason reason)
    {
        switch (status)
        {
            case ActivationStatus.Activating:
                if (!deactivateAfterActivation)
                {
                    deactivateAfterActivation = true;
                    deactivationReason = reason;
                }

                return false;
            case ActivationStatus.Valid:
                status = ActivationStatus.Deactivating;
                deactivationReason = reason;
                return StartDeactivationIfIdleLocked();
            default:
                return false;
        }
    }

    private bool StartDeactivationIfIdleLocked()
    {
        if (status != ActivationStatus.Deactivating || runningCount != 0 || deactivationStarted)
        {
            return false;
        }

        deactivationStarted = true;
        return EnqueueTurnLocked(new Turn(new LifecycleWork(this, deactivate: true), null, null));
    }

    private bool EnqueueTurnLocked(Turn turn)
    {
        (turns ??= new Queue<Turn>()).Enqueue(turn);
        if (executing)
        {
            return false;
        }

        executing = true;
        return true;
    }

    private void Schedule() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);

    private void RunInline(ActivationWork work)
    {
        var callerContext = SynchronizationContext.Current;
        var callerRequestContext = RequestContext.CurrentData;
        RunTurn(new Turn(work, null, null));
        SynchronizationContext.SetSynchronizationContext(callerContext);
        if (!ReferenceEquals(RequestContext.CurrentData, callerRequestContext))
        {
            // The grain's changes to the request context do not flow back to its caller.
            RequestContext.CurrentData = callerRequestContext;
        }

        bool schedule;
        lock (sync)
        {
            schedule = turns is { Count: > 0 };
            executing = schedule;
        }

        if (schedule)
        {
            Schedule();
        }
    }

    private void RunTurn(in Turn turn)
    {
        SynchronizationContext.SetSynchronizationContext(turn.Work);
        try
        {
            if (turn.Callback is null)
            {
                turn.Work.Start();
            }
            else
            {
                turn.Callback(turn.State);
            }
        }
        catch (Exception exception)
        {
            RuntimeLog.TurnFailed(Runtime.Logger, exception, GrainId);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }
    }

    private static void AddExpired(ActivationWork? work, long startedBefore, List<ActivationWork> expired)
    {
        if (work is not null && work.StartTimestamp != 0 && work.StartTimestamp <= startedBefore && !work.IsAnswered)
        {
            expired.Add(work);
        }
    }
}
