namespace OrleansShop.Bench.Silo;

/// <summary>
/// Activations go to the development cluster's primary silo, whoever places them: a second silo's calls are then all
/// remote, and a client's calls through the primary's gateway all one hop.
/// </summary>
[GenerateSerializer]
[Alias("bench.primary-silo-placement")]
public sealed class PrimarySiloPlacement : PlacementStrategy
{
    internal static PrimarySiloPlacement Instance { get; } = new();
}
