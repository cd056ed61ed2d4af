namespace OrleansShop.Runtime.Placement;

/// <summary>Places each new activation of the grain on a random active silo.</summary>
public sealed class RandomPlacementAttribute : PlacementAttribute
{
    public RandomPlacementAttribute()
        : base(RandomPlacement.Instance)
    {
    }
}
