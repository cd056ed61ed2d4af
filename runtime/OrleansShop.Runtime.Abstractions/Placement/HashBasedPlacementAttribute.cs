namespace OrleansShop.Runtime.Placement;

/// <summary>Places the grain by the consistent-hash ring (the default; useful to override an inherited strategy).</summary>
public sealed class HashBasedPlacementAttribute : PlacementAttribute
{
    public HashBasedPlacementAttribute()
        : base(HashBasedPlacement.Instance)
    {
    }
}
