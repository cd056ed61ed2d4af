using OrleansShop.Runtime.Invocation;

namespace OrleansShop.Runtime;

/// <summary>One activation of a grain as the runtime sees it.</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    /// <summary>A reference to this grain through the interface it was first called on.</summary>
    GrainReference GrainReference { get; }

    object? GrainInstance { get; }

    IServiceProvider ActivationServices { get; }

    /// <summary>Deactivates once the running requests finish; later calls go to a new activation.</summary>
    void Deactivate(DeactivationReason reason);

    /// <summary>Keeps the activation from idle collection for at least <paramref name="timeSpan"/>.</summary>
    void DelayDeactivation(TimeSpan timeSpan);

    /// <summary>Starts a timer whose ticks run as turns of this activation.</summary>
    IGrainTimer RegisterTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options);
}
