using Orleans.Storage;

namespace OrleansShop.Grains.Tests.Support;

/// <summary>
/// Storage that outlives a cluster (pass it to the next one) and can fail chosen writes, the way a process dying
/// between two steps of a saga would leave them: the earlier writes stored, the chosen one never.
/// </summary>
internal sealed class CrashingStorage : IGrainStorage
{
    private readonly SharedGrainStorage inner = new();
    private Func<object?, bool>? crashOn;

    /// <summary>The storage for a silo's DI.</summary>
    public IGrainStorage For(IServiceProvider services)
    {
        inner.For(services);
        return this;
    }

    /// <summary>The next write whose state matches <paramref name="predicate"/> fails, and so does every later one until <see cref="Recover"/>.</summary>
    public void CrashOn(Func<object?, bool> predicate) => crashOn = predicate;

    public void Recover() => crashOn = null;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        crashOn?.Invoke(grainState.State) == true
            ? throw new IOException("Simulated crash before the write reached storage.")
            : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
