namespace OrleansShop.Runtime.Storage;

/// <summary>Named persisted state injected into a grain constructor with <see cref="PersistentStateAttribute"/>.</summary>
public interface IPersistentState<TState> : IStorage<TState>
{
}
