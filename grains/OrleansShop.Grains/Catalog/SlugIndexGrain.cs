using Orleans;
using Orleans.Core;
using Orleans.Runtime;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

[GrainType("slug-index")]
internal sealed class SlugIndexGrain([PersistentState("owner")] IPersistentState<UniqueIndexState> index)
    : UniqueIndexGrain(index), ISlugIndexGrain;
