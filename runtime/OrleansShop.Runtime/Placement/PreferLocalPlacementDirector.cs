using OrleansShop.Runtime.Clustering;

namespace OrleansShop.Runtime.Placement;

internal sealed class PreferLocalPlacementDirector : IPlacementDirector
{
    public ValueTask<SiloAddress> PickSiloAsync(PlacementStrategy strategy, PlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // A silo that is joining or leaving takes no new activations: then any active one does.
        var silos = context.ActiveSilos;
        return ValueTask.FromResult(silos.Count == 0 || silos.Contains(context.CallingSilo)
            ? context.CallingSilo
            : silos[Random.Shared.Next(silos.Count)]);
    }
}
