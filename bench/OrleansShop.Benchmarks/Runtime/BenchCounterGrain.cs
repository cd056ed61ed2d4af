using OrleansShop.Runtime;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Benchmarks.Runtime;

/// <summary>State lives in memory between calls, as in most grain calls: nothing awaits.</summary>
public sealed class BenchCounterGrain : Grain, IBenchCounterGrain
{
    private readonly IPersistentState<BenchCounterState> state;

    public BenchCounterGrain([PersistentState("counter")] IPersistentState<BenchCounterState> state) => this.state = state;

    public Task<int> IncrementAsync() => Task.FromResult(++state.State.Count);

    public Task TouchAsync()
    {
        state.State.Count++;
        return Task.CompletedTask;
    }
}
