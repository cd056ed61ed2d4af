namespace OrleansShop.Runtime.Placement;

/// <summary>
/// The default: every silo computes the owner of a grain id from the active silos alone (a consistent-hash ring),
/// so no directory is read or written.
/// </summary>
public sealed class HashBasedPlacement : PlacementStrategy
{
    public static HashBasedPlacement Instance { get; } = new();
}
