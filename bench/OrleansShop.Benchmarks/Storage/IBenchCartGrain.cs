using OrleansShop.Runtime;

namespace OrleansShop.Benchmarks.Storage;

public interface IBenchCartGrain : IGrainWithStringKey
{
    Task SeedAsync(BenchmarkState state);

    /// <summary>The stored cart's item count: the first call activates the grain, which reads its state.</summary>
    Task<int> GetItemsAsync();
}
