using OrleansShop.GrainInterfaces;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Grains;

internal sealed class SlugIndexGrain([PersistentState("owner")] IPersistentState<UniqueIndexState> index)
    : UniqueIndexGrain(index), ISlugIndexGrain;
