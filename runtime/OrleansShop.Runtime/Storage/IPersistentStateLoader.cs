namespace OrleansShop.Runtime.Storage;

/// <summary>The runtime's side of a persistent state: loaded before OnActivateAsync.</summary>
internal interface IPersistentStateLoader
{
    Task ReadStateAsync(CancellationToken cancellationToken);
}
