using System.Collections.Concurrent;
using System.Globalization;
using OrleansShop.Runtime.Serialization;

namespace OrleansShop.Runtime.Storage;

/// <summary>
/// Grain storage in process memory, for tests and demos. State is kept serialized, so an activation never shares
/// objects with storage and a write is a real snapshot; ETag checks behave like the SQL providers'.
/// </summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), StoredState> rows = new();
    private readonly GrainJsonSerializer serializer;
    private long lastVersion;

    public MemoryGrainStorage(GrainJsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        this.serializer = serializer;
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (rows.TryGetValue((stateName, grainId), out var row))
        {
            grainState.State = serializer.Deserialize<T>(row.Payload)!;
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = (stateName, grainId);
        var payload = serializer.SerializeToUtf8Bytes(grainState.State);
        var written = new StoredState(payload, Interlocked.Increment(ref lastVersion).ToString(CultureInfo.InvariantCulture));
        var swapped = rows.TryGetValue(key, out var current)
            ? current.ETag == grainState.ETag && rows.TryUpdate(key, written, current)
            : grainState.ETag is null && rows.TryAdd(key, written);
        if (!swapped)
        {
            throw Conflict("write", stateName, grainId, grainState.ETag);
        }

        grainState.ETag = written.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = (stateName, grainId);
        if (rows.TryGetValue(key, out var current))
        {
            if (current.ETag != grainState.ETag || !rows.TryRemove(new KeyValuePair<(string, GrainId), StoredState>(key, current)))
            {
                throw Conflict("clear", stateName, grainId, grainState.ETag);
            }
        }
        else if (grainState.ETag is not null)
        {
            throw Conflict("clear", stateName, grainId, grainState.ETag);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? etag)
    {
        var stored = rows.TryGetValue((stateName, grainId), out var row) ? row.ETag : null;
        return new InconsistentStateException(
            $"Cannot {operation} state '{stateName}' of {grainId}: it holds version {etag ?? "(none)"} but storage has {stored ?? "(none)"}.",
            stored,
            etag);
    }

    private sealed record StoredState(byte[] Payload, string ETag);
}
