using OrleansShop.Runtime.Clustering;

namespace OrleansShop.Runtime.TestHost;

public sealed class PingGrain(IClusterMembership membership) : Grain, IPingGrain
{
    public Task<int> PingAsync(int value) => Task.FromResult(value + 1);

    public Task<string> WhereAsync() =>
        Task.FromResult($"{membership.LocalSilo} {RequestContext.Get("trace") as string ?? "-"}");
}
