using OrleansShop.Runtime.Clustering;

namespace OrleansShop.Runtime.Placement;

/// <summary>What a placement director knows when a grain without an activation is called.</summary>
/// <param name="GrainId">The grain to place.</param>
/// <param name="CallingSilo">The silo the call starts from.</param>
/// <param name="ActiveSilos">The Active silos as the calling silo last read them (it is one of them once it has joined).</param>
public sealed record PlacementContext(GrainId GrainId, SiloAddress CallingSilo, IReadOnlyList<SiloAddress> ActiveSilos);
