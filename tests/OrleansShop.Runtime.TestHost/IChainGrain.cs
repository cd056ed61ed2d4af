using OrleansShop.Runtime;

namespace OrleansShop.Runtime.TestHost;

/// <summary>A non-reentrant grain for call chains that leave a silo and come back: A -> B -> A.</summary>
public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>
    /// Calls the chain grain <paramref name="path"/>[0] with the rest of the path, and so on, each waiting for the next;
    /// answers the silos the calls ran on, this one first.
    /// </summary>
    Task<string> CallAlongAsync(string[] path, bool allowReentrancy);
}
