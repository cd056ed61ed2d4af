using OrleansShop.Runtime.Clustering;

namespace OrleansShop.Runtime.Placement;

/// <summary>
/// One grain directory entry: the grain's activation, on which silo. The activation id tells a new activation on
/// the same silo from an entry its predecessor left behind.
/// </summary>
public sealed record GrainAddress(GrainId GrainId, SiloAddress Silo, string ActivationId);
