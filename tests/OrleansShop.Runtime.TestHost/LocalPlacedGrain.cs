using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Placement;

namespace OrleansShop.Runtime.TestHost;

[PreferLocalPlacement]
public sealed class LocalPlacedGrain(IClusterMembership membership) : PlacedGrainBase(membership);
