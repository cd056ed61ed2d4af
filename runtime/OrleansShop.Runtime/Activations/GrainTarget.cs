namespace OrleansShop.Runtime.Activations;

/// <summary>What the directory maps a grain id to: one activation, or a pool of stateless workers.</summary>
internal abstract class GrainTarget
{
    /// <summary>
    /// Hands work to the target. With <paramref name="mayRunInline"/> (the caller is outside any grain turn) an idle
    /// activation runs the first turn on the caller's thread, saving a thread-pool hop on the common path.
    /// </summary>
    public abstract DeliveryOutcome Deliver(ActivationWork work, bool mayRunInline);

    /// <summary>Adds the calls whose caller started waiting at or before the Stopwatch timestamp <paramref name="startedBefore"/>.</summary>
    public abstract void SweepTimeouts(long startedBefore, List<ActivationWork> expired);

    /// <summary>Deactivates activations that have been idle for at least <paramref name="ageMilliseconds"/>.</summary>
    public abstract void CollectIdle(long now, long ageMilliseconds);

    public abstract void CollectActivations(List<Activation> into);
}
