using Orleans;
using Orleans.Core;
using Orleans.Runtime;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

[GrainType("sku-index")]
internal sealed class SkuIndexGrain([PersistentState("owner")] IPersistentState<UniqueIndexState> index)
    : UniqueIndexGrain(index), ISkuIndexGrain;
