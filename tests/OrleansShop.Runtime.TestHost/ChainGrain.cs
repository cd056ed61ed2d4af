using OrleansShop.Runtime.Clustering;

namespace OrleansShop.Runtime.TestHost;

public sealed class ChainGrain(IClusterMembership membership) : Grain, IChainGrain
{
    public async Task<string> CallAlongAsync(string[] path, bool allowReentrancy)
    {
        if (path.Length == 0)
        {
            return membership.LocalSilo.ToString();
        }

        var next = GrainFactory.GetGrain<IChainGrain>(path[0]);
        if (!allowReentrancy)
        {
            return membership.LocalSilo + " -> " + await next.CallAlongAsync(path[1..], allowReentrancy: false);
        }

        using (RequestContext.AllowCallChainReentrancy())
        {
            return membership.LocalSilo + " -> " + await next.CallAlongAsync(path[1..], allowReentrancy: true);
        }
    }
}
