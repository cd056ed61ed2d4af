namespace OrleansShop.Runtime.Storage;

/// <summary>
/// A grain storage provider (Orleans' IGrainStorage). Writes are conditional on <see cref="IGrainState{T}.ETag"/>:
/// a stale ETag throws <see cref="InconsistentStateException"/> and writes nothing.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads the state; no row leaves <c>State</c> as the caller's default, ETag null, RecordExists false.</summary>
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default);

    /// <summary>Writes the state and sets the new ETag and RecordExists.</summary>
    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default);

    /// <summary>Removes the state (conditional on the ETag as well); afterwards RecordExists is false.</summary>
    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default);
}
