namespace OrleansShop.Runtime.Placement;

/// <summary>A new activation goes to the silo of its first caller; the grain directory records where.</summary>
public sealed class PreferLocalPlacement : PlacementStrategy
{
    public static PreferLocalPlacement Instance { get; } = new();
}
