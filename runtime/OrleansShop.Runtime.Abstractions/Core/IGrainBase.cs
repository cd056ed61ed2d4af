namespace OrleansShop.Runtime;

/// <summary>What the runtime needs from a grain instance: its context and its lifecycle hooks.</summary>
public interface IGrainBase
{
    IGrainContext GrainContext { get; }

    Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
