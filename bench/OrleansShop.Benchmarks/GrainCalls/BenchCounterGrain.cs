namespace OrleansShop.Benchmarks.GrainCalls;

/// <summary>State lives in memory between calls, as in most grain calls: nothing awaits.</summary>
[GrainType("bench-counter")]
public sealed class BenchCounterGrain([PersistentState("counter")] IPersistentState<BenchCounterState> state) : Grain, IBenchCounterGrain
{
    public Task<int> IncrementAsync() => Task.FromResult(++state.State.Count);

    public Task TouchAsync()
    {
        state.State.Count++;
        return Task.CompletedTask;
    }
}
