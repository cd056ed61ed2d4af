using OrleansShop.Runtime;

namespace OrleansShop.Benchmarks.Runtime;

public interface IBenchCounterGrain : IGrainWithIntegerKey
{
    Task<int> IncrementAsync();

    Task TouchAsync();
}
