using OrleansShop.Runtime;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Benchmarks.Storage;

public sealed class BenchCartGrain([PersistentState("cart")] IPersistentState<BenchmarkState> cart) : Grain, IBenchCartGrain
{
    public Task SeedAsync(BenchmarkState state)
    {
        cart.State = state;
        return cart.WriteStateAsync();
    }

    public Task<int> GetItemsAsync() => Task.FromResult(cart.RecordExists ? cart.State.Items : -1);
}
