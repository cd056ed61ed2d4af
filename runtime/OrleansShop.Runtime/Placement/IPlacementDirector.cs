using OrleansShop.Runtime.Clustering;

namespace OrleansShop.Runtime.Placement;

/// <summary>
/// Picks the silo for a new activation of grains of one placement strategy (Orleans' IPlacementDirector). Registered
/// per strategy type with <c>silo.AddPlacementDirector&lt;TStrategy, TDirector&gt;()</c>. The chosen silo registers
/// the activation in the grain directory; if another caller's choice registered first, the call goes there instead.
/// </summary>
public interface IPlacementDirector
{
    ValueTask<SiloAddress> PickSiloAsync(PlacementStrategy strategy, PlacementContext context);
}
