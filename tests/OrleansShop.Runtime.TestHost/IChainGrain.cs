using OrleansShop.Runtime;

namespace OrleansShop.Runtime.TestHost;

/// <summary>A non-reentrant grain for call chains that leave a silo and come back: A -> B -> A.</summary>
public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="peerKey"/>, which calls this grain back while this call still waits for it.</summary>
    Task<string> CallThroughAsync(string peerKey, bool allowReentrancy);

    /// <summary>Calls <paramref name="originKey"/>'s <see cref="WhereAsync"/> and answers both silos.</summary>
    Task<string> CallBackAsync(string originKey);

    Task<string> WhereAsync();
}
