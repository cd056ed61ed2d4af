namespace OrleansShop.Benchmarks.GrainCalls;

[Alias("bench.counter")]
public interface IBenchCounterGrain : IGrainWithIntegerKey
{
    [Alias("increment")]
    Task<int> IncrementAsync();

    [Alias("touch")]
    Task TouchAsync();
}
