namespace OrleansShop.Runtime.Timers;

/// <summary>Non-generic view of a grain timer, so an activation can stop all of its timers.</summary>
internal abstract class GrainTimer
{
    /// <summary>Stops ticking without removing the timer from its activation (the activation is going away).</summary>
    public abstract void Stop();
}
