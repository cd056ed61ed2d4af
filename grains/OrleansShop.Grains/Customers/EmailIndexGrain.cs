using OrleansShop.GrainInterfaces;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Grains;

internal sealed class EmailIndexGrain([PersistentState("owner")] IPersistentState<UniqueIndexState> index)
    : UniqueIndexGrain(index), IEmailIndexGrain;
