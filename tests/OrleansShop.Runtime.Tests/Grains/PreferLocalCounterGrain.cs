using OrleansShop.Runtime.Placement;

namespace OrleansShop.Runtime.Tests.Grains;

[PreferLocalPlacement]
public sealed class PreferLocalCounterGrain : Grain, IPlacedCounterGrain
{
    private int count;

    public Task<int> IncrementAsync() => Task.FromResult(++count);
}
