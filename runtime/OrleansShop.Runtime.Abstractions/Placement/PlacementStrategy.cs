namespace OrleansShop.Runtime.Placement;

/// <summary>
/// How the cluster chooses the silo for a grain's activation (Orleans' PlacementStrategy). A grain class names its
/// strategy with a <see cref="PlacementAttribute"/>; without one it is <see cref="HashBasedPlacement"/>. A host adds
/// its own by deriving a strategy and an attribute, and registering a placement director for the strategy.
/// </summary>
public abstract class PlacementStrategy
{
    public override string ToString() => GetType().Name;
}
