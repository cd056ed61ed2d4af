using System.Diagnostics;

namespace OrleansShop.Providers.Benchmarks;

public sealed class BenchGrain([PersistentState("state", BenchGrain.StorageName)] IPersistentState<BenchState> state) : Grain, IBenchGrain
{
    public const string StorageName = "bench";

    public async Task<int> WriteFor(TimeSpan duration)
    {
        var writes = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            state.State.Counter++;
            await state.WriteStateAsync();
            writes++;
        }

        return writes;
    }

    public Task<int> Read() => Task.FromResult(state.State.Counter);

    public Task Seed()
    {
        state.State.Counter++;
        return state.WriteStateAsync();
    }
}
