namespace OrleansShop.Runtime.Placement;

/// <summary>Names the placement strategy of a grain class; derive one attribute per strategy.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public abstract class PlacementAttribute : Attribute
{
    protected PlacementAttribute(PlacementStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        Strategy = strategy;
    }

    public PlacementStrategy Strategy { get; }
}
