namespace OrleansShop.Runtime.Storage;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/>: the runtime reads the state
/// named <see cref="StateName"/> from the storage provider <see cref="StorageName"/> (default "Default") before
/// OnActivateAsync.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute : Attribute
{
    public const string DefaultStorageName = "Default";

    public PersistentStateAttribute(string stateName, string? storageName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateName);
        StateName = stateName;
        StorageName = storageName;
    }

    public string StateName { get; }

    public string? StorageName { get; }
}
