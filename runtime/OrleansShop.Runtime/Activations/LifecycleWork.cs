namespace OrleansShop.Runtime.Activations;

/// <summary>The activation's own start or end, run as turns so grain code in OnActivateAsync/OnDeactivateAsync is single-threaded too.</summary>
internal sealed class LifecycleWork : ActivationWork
{
    private readonly bool deactivate;

    public LifecycleWork(Activation activation, bool deactivate)
        : base(caller: null)
    {
        Activation = activation;
        this.deactivate = deactivate;
    }

    public override bool FollowsGrain => false;

    public override void Start()
    {
        var activation = Activation!;
        _ = deactivate ? activation.RunDeactivationAsync(this) : activation.RunActivationAsync(this);
    }

    public override void Fail(Exception exception)
    {
    }

    public override string Describe() => Activation!.GrainId + (deactivate ? " (OnDeactivateAsync)" : " (OnActivateAsync)");
}
