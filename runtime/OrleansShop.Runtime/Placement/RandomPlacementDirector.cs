using OrleansShop.Runtime.Clustering;

namespace OrleansShop.Runtime.Placement;

internal sealed class RandomPlacementDirector : IPlacementDirector
{
    public ValueTask<SiloAddress> PickSiloAsync(PlacementStrategy strategy, PlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var silos = context.ActiveSilos;
        return ValueTask.FromResult(silos.Count == 0 ? context.CallingSilo : silos[Random.Shared.Next(silos.Count)]);
    }
}
