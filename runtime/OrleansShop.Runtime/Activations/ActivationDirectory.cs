using System.Collections.Concurrent;

namespace OrleansShop.Runtime.Activations;

/// <summary>
/// Where a grain id is active on this silo. Every call is routed through here (via the router), so a later
/// cluster directory can answer "which silo" in the same place.
/// </summary>
internal sealed class ActivationDirectory
{
    private readonly ConcurrentDictionary<GrainId, GrainTarget> targets = new();
    private readonly SiloRuntime runtime;
    private volatile bool closed;

    public ActivationDirectory(SiloRuntime runtime) => this.runtime = runtime;

    public int Count => targets.Count;

    public GrainTarget GetOrCreate(GrainId grainId) =>
        targets.TryGetValue(grainId, out var target) ? target : Create(grainId);

    public void Remove(GrainId grainId, GrainTarget target) => targets.TryRemove(new KeyValuePair<GrainId, GrainTarget>(grainId, target));

    /// <summary>Refuses new activations from now on (silo shutdown).</summary>
    public void Close() => closed = true;

    public void SweepTimeouts(long startedBefore, List<ActivationWork> expired)
    {
        foreach (var pair in targets)
        {
            pair.Value.SweepTimeouts(startedBefore, expired);
        }
    }

    public void CollectIdle(long now, long ageMilliseconds)
    {
        foreach (var pair in targets)
        {
            pair.Value.CollectIdle(now, ageMilliseconds);
        }
    }

    /// <summary>
    /// Deactivates the activations of grains that <paramref name="ownedElsewhere"/> says another silo owns now (the ring
    /// changed, or a peer with an older view placed them here): left alive they would serve stale state whenever calls
    /// reach them again. Calls still queued on them are forwarded to the owner as they leave.
    /// </summary>
    public int DeactivateMisplaced(Func<GrainId, bool> ownedElsewhere)
    {
        List<Activation>? misplaced = null;
        foreach (var pair in targets)
        {
            if (ownedElsewhere(pair.Key))
            {
                pair.Value.CollectActivations(misplaced ??= []);
            }
        }

        if (misplaced is null)
        {
            return 0;
        }

        var reason = new DeactivationReason(DeactivationReasonCode.Migrating, "Another silo owns this grain now.");
        foreach (var activation in misplaced)
        {
            activation.Deactivate(reason);
        }

        return misplaced.Count;
    }

    public List<Activation> Activations()
    {
        var all = new List<Activation>(targets.Count);
        foreach (var pair in targets)
        {
            pair.Value.CollectActivations(all);
        }

        return all;
    }

    private GrainTarget Create(GrainId grainId)
    {
        if (closed)
        {
            throw new InvalidOperationException($"The silo is shutting down: {grainId} cannot be activated.");
        }

        var grainClass = runtime.Catalog.GetByGrainType(grainId.Type);
        GrainTarget created = grainClass.IsStatelessWorker
            ? new StatelessWorkerPool(runtime, grainClass, grainId)
            : new Activation(runtime, grainClass, grainId, pool: null);
        var actual = targets.GetOrAdd(grainId, created);
        if (ReferenceEquals(actual, created) && created is Activation activation)
        {
            activation.Start();
        }

        return actual;
    }
}
