using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Placement;

namespace OrleansShop.Runtime.TestHost;

[RandomPlacement]
public sealed class RandomPlacedGrain(IClusterMembership membership) : PlacedGrainBase(membership);
