namespace OrleansShop.Runtime.Configuration;

/// <summary>Idle collection and activation lifecycle limits (Orleans' GrainCollectionOptions).</summary>
public sealed class GrainCollectionOptions
{
    /// <summary>An activation that received no call for this long is deactivated.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Limit for reading state and OnActivateAsync.</summary>
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for OnDeactivateAsync.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
