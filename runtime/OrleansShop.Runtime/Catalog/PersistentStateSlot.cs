using OrleansShop.Runtime.Storage;

namespace OrleansShop.Runtime.Catalog;

/// <summary>One [PersistentState] constructor parameter of a grain class, with the storage it resolved to at startup.</summary>
internal sealed class PersistentStateSlot
{
    private readonly Func<IGrainStorage, string, GrainId, IPersistentStateLoader> create;

    public PersistentStateSlot(string stateName, string storageName, Type stateType)
    {
        StateName = stateName;
        StorageName = storageName;
        StateType = stateType;
        create = typeof(PersistentState<>).MakeGenericType(stateType)
            .GetMethod(nameof(PersistentState<object>.Create))!
            .CreateDelegate<Func<IGrainStorage, string, GrainId, IPersistentStateLoader>>();
    }

    public string StateName { get; }

    public string StorageName { get; }

    public Type StateType { get; }

    public IGrainStorage? Storage { get; set; }

    public IPersistentStateLoader Create(GrainId grainId) =>
        create(Storage ?? throw new InvalidOperationException($"Grain storage '{StorageName}' was not resolved."), StateName, grainId);
}
