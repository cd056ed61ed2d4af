namespace OrleansShop.Runtime.Activations;

/// <summary>
/// Something an activation runs: a grain call, a timer tick, or its own activation and deactivation. It is also the
/// SynchronizationContext of its turns, so every continuation inside a grain method is posted back to the activation
/// as a further turn and still knows which call it belongs to. That identity is the call chain: each work item points
/// to the work item that made the call, which is how cycles are found without any AsyncLocal.
/// </summary>
internal abstract class ActivationWork : SynchronizationContext
{
    private volatile bool finished;

    protected ActivationWork(ActivationWork? caller) => Caller = caller;

    /// <summary>The activation running this work; set when it is delivered.</summary>
    public Activation? Activation { get; set; }

    /// <summary>The work that made this call, when the call came from inside a grain turn.</summary>
    public ActivationWork? Caller { get; }

    /// <summary>Set once the work no longer holds its activation (it may still have a caller waiting, e.g. after a timeout).</summary>
    public bool IsFinished
    {
        get => finished;
        set => finished = value;
    }

    public virtual bool IsReadOnly => false;

    public virtual bool IsAlwaysInterleave => false;

    /// <summary>Whether finishing this work counts as activity for idle collection.</summary>
    public virtual bool KeepsAlive => true;

    public virtual bool AllowsCallChainReentrancy => false;

    /// <summary>Whether the caller already has its answer (timed out, or failed before it ran): it is not started then.</summary>
    public virtual bool IsAnswered => false;

    /// <summary>Stopwatch timestamp of when the caller started waiting; 0 when nobody waits (no timeout).</summary>
    public virtual long StartTimestamp => 0;

    /// <summary>Whether the work goes to the grain's next activation if this one deactivates before running it.</summary>
    public virtual bool FollowsGrain => true;

    /// <summary>Called (under the activation's lock) when the work is queued rather than run on the caller's thread.</summary>
    public virtual void OnQueued()
    {
    }

    /// <summary>Called when the activation went away before running work that does not follow the grain: it never runs.</summary>
    public virtual void OnDropped()
    {
    }

    /// <summary>
    /// Hands work that never ran here to the silo that owns the grain now (its activation here left because the grain
    /// moved); false when this kind of work cannot travel, and it is then delivered locally.
    /// </summary>
    public virtual bool TryForward(Clustering.Transport.SiloTransport cluster, Clustering.SiloAddress owner, GrainId grainId) => false;

    /// <summary>Runs the first turn of the work on its activation.</summary>
    public abstract void Start();

    /// <summary>Answers the caller with an error if it is still waiting; the work itself is not interrupted.</summary>
    public abstract void Fail(Exception exception);

    /// <summary>
    /// <see cref="Fail"/> for work past its deadline, called by the timeout sweep: the caller's continuation must not
    /// run on the sweep's thread, where it would hold up every other timeout and idle collection.
    /// </summary>
    public virtual void TimeOut(TimeoutException exception) => Fail(exception);

    /// <summary>"cart/42 ICart.AddItem": used in deadlock and timeout messages.</summary>
    public abstract string Describe();

    public override void Post(SendOrPostCallback d, object? state) =>
        (Activation ?? throw new InvalidOperationException("Work posted before it was delivered.")).EnqueueTurn(this, d, state);

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous sends to a grain activation would block its turn.");

    public override SynchronizationContext CreateCopy() => this;
}
