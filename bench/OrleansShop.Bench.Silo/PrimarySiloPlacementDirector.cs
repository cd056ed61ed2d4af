using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Placement;

namespace OrleansShop.Bench.Silo;

/// <summary>Places on the silo listening at the configured primary endpoint; fails while that silo is not known yet.</summary>
internal sealed class PrimarySiloPlacementDirector(IOptions<DevelopmentClusterMembershipOptions> options) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var primary = options.Value.PrimarySiloEndpoint;
        foreach (var silo in context.GetCompatibleSilos(target))
        {
            if (silo.Endpoint.Equals(primary))
            {
                return Task.FromResult(silo);
            }
        }

        throw new OrleansException($"The primary silo {primary} is not among the silos that can host {target.GrainIdentity}.");
    }
}
