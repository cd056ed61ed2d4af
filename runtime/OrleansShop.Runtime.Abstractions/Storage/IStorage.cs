namespace OrleansShop.Runtime.Storage;

/// <summary>Persisted state of a grain: reads and writes go to the configured storage provider.</summary>
public interface IStorage
{
    /// <summary>The stored version this activation last read or wrote; null when nothing is stored.</summary>
    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync() => ReadStateAsync(CancellationToken.None);

    Task ReadStateAsync(CancellationToken cancellationToken);

    /// <summary>Writes the state; throws <see cref="InconsistentStateException"/> if someone else wrote since our read.</summary>
    Task WriteStateAsync() => WriteStateAsync(CancellationToken.None);

    Task WriteStateAsync(CancellationToken cancellationToken);

    /// <summary>Removes the stored state and resets <see cref="IStorage{TState}.State"/> to a new value.</summary>
    Task ClearStateAsync() => ClearStateAsync(CancellationToken.None);

    Task ClearStateAsync(CancellationToken cancellationToken);
}

public interface IStorage<TState> : IStorage
{
    TState State { get; set; }
}
