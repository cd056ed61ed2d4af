using OrleansShop.GrainInterfaces;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Grains;

internal sealed class SkuIndexGrain([PersistentState("owner")] IPersistentState<UniqueIndexState> index)
    : UniqueIndexGrain(index), ISkuIndexGrain;
