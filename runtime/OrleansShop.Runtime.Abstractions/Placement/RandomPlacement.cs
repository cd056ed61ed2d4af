namespace OrleansShop.Runtime.Placement;

/// <summary>A new activation goes to an active silo chosen at random; the grain directory records where.</summary>
public sealed class RandomPlacement : PlacementStrategy
{
    public static RandomPlacement Instance { get; } = new();
}
