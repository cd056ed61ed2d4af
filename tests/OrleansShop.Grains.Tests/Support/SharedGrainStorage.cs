using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace OrleansShop.Grains.Tests.Support;

/// <summary>
/// Grain storage the test keeps outside the cluster, so a second cluster reads what the first one wrote. States are
/// kept as the bytes of Orleans' serializer, never as the grain's live object: a change the grain made but never wrote
/// cannot leak into storage, and every read is a real round trip.
/// </summary>
internal sealed class SharedGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<string, (byte[] Data, long Version)> rows = new(StringComparer.Ordinal);
    private Serializer? serializer;

    /// <summary>The storage for a silo's DI: from now on it serializes with that silo's serializer.</summary>
    public IGrainStorage For(IServiceProvider services)
    {
        serializer = services.GetRequiredService<Serializer>();
        return this;
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (rows.TryGetValue(Key(stateName, grainId), out var row))
        {
            grainState.State = Serializer.Deserialize<T>(row.Data);
            grainState.ETag = row.Version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = Serializer.SerializeToArray(grainState.State);
        var key = Key(stateName, grainId);
        lock (rows)
        {
            var current = rows.TryGetValue(key, out var row) ? row.Version.ToString(CultureInfo.InvariantCulture) : null;
            if (current != grainState.ETag)
            {
                throw new InconsistentStateException($"Version conflict on {key}.", current ?? "none", grainState.ETag ?? "none");
            }

            var version = row.Version + 1;
            rows[key] = (data, version);
            grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        rows.TryRemove(Key(stateName, grainId), out _);
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private Serializer Serializer => serializer ?? throw new InvalidOperationException("Call For(services) first.");

    private static string Key(string stateName, GrainId grainId) => stateName + "/" + grainId;
}
