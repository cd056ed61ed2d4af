using OrleansShop.Runtime;

namespace OrleansShop.Runtime.TestHost;

/// <summary>A grain without state, for measuring the call path alone.</summary>
public interface IPingGrain : IGrainWithStringKey
{
    Task<int> PingAsync(int value);

    /// <summary>The silo the activation runs on, as its request context and address show it.</summary>
    Task<string> WhereAsync();
}
