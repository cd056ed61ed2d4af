using Orleans;
using Orleans.Core;
using Orleans.Runtime;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

[GrainType("email-index")]
internal sealed class EmailIndexGrain([PersistentState("owner")] IPersistentState<UniqueIndexState> index)
    : UniqueIndexGrain(index), IEmailIndexGrain;
