using Microsoft.Extensions.DependencyInjection;
using OrleansShop.Runtime;
using OrleansShop.Runtime.Serialization;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Grains.Tests.Support;

/// <summary>
/// Memory storage that outlives a silo (pass it to the next one) and can fail chosen writes, the way a process dying
/// between two steps of a saga would leave them: the earlier writes stored, the chosen one never.
/// </summary>
internal sealed class CrashingStorage : IGrainStorage
{
    private IGrainStorage? inner;
    private Func<object?, bool>? crashOn;

    /// <summary>The storage for a silo's DI; the first silo's serializer is kept (grain state here holds no grain references).</summary>
    public IGrainStorage For(IServiceProvider services)
    {
        inner ??= new MemoryGrainStorage(services.GetRequiredService<GrainJsonSerializer>());
        return this;
    }

    /// <summary>The next write whose state matches <paramref name="predicate"/> fails, and so does every later one until <see cref="Recover"/>.</summary>
    public void CrashOn(Func<object?, bool> predicate) => crashOn = predicate;

    public void Recover() => crashOn = null;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default) =>
        Inner.ReadStateAsync(stateName, grainId, grainState, cancellationToken);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default) =>
        crashOn?.Invoke(grainState.State) == true
            ? throw new IOException("Simulated crash before the write reached storage.")
            : Inner.WriteStateAsync(stateName, grainId, grainState, cancellationToken);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default) =>
        Inner.ClearStateAsync(stateName, grainId, grainState, cancellationToken);

    private IGrainStorage Inner => inner ?? throw new InvalidOperationException("Call For(services) first.");
}
