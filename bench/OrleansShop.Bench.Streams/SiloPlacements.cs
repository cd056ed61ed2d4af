using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace OrleansShop.Bench.Streams;

/// <summary>On the development cluster's primary silo, the consuming process: the subscribers and their statistics.</summary>
[GenerateSerializer]
[Alias("bench.consumer-silo-placement")]
public sealed class ConsumerSiloPlacement : PlacementStrategy
{
    internal static ConsumerSiloPlacement Instance { get; } = new();
}

/// <summary>On a silo other than the primary, the publishing process: the publishers, so every event crosses processes.</summary>
[GenerateSerializer]
[Alias("bench.publisher-silo-placement")]
public sealed class PublisherSiloPlacement : PlacementStrategy
{
    internal static PublisherSiloPlacement Instance { get; } = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ConsumerSiloPlacementAttribute() : PlacementAttribute(ConsumerSiloPlacement.Instance);

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PublisherSiloPlacementAttribute() : PlacementAttribute(PublisherSiloPlacement.Instance);

/// <summary>Places by the strategy: on the primary silo, or on the first other one; fails while that silo is not known yet.</summary>
internal sealed class SiloPlacementDirector(IOptions<DevelopmentClusterMembershipOptions> options) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var primary = options.Value.PrimarySiloEndpoint;
        var onPrimary = strategy is ConsumerSiloPlacement;
        foreach (var silo in context.GetCompatibleSilos(target))
        {
            if (silo.Endpoint.Equals(primary) == onPrimary)
            {
                return Task.FromResult(silo);
            }
        }

        throw new OrleansException($"No {(onPrimary ? "consuming" : "publishing")} silo can host {target.GrainIdentity} yet.");
    }
}
