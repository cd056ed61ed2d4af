using OrleansShop.Runtime.Clustering;

namespace OrleansShop.Runtime.TestHost;

public sealed class ChainGrain(IClusterMembership membership) : Grain, IChainGrain
{
    public async Task<string> CallThroughAsync(string peerKey, bool allowReentrancy)
    {
        var peer = GrainFactory.GetGrain<IChainGrain>(peerKey);
        if (!allowReentrancy)
        {
            return await peer.CallBackAsync(this.GetPrimaryKeyString());
        }

        using (RequestContext.AllowCallChainReentrancy())
        {
            return await peer.CallBackAsync(this.GetPrimaryKeyString());
        }
    }

    public async Task<string> CallBackAsync(string originKey) =>
        membership.LocalSilo + " -> " + await GrainFactory.GetGrain<IChainGrain>(originKey).WhereAsync();

    public Task<string> WhereAsync() => Task.FromResult(membership.LocalSilo.ToString());
}
