namespace OrleansShop.Runtime.Placement;

/// <summary>Places each new activation of the grain on the silo that first calls it.</summary>
public sealed class PreferLocalPlacementAttribute : PlacementAttribute
{
    public PreferLocalPlacementAttribute()
        : base(PreferLocalPlacement.Instance)
    {
    }
}
