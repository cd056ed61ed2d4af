using OrleansShop.Runtime;

namespace OrleansShop.Runtime.TestHost;

/// <summary>A grain that says where it runs: placement tests call its two directory-placed classes.</summary>
public interface IPlacedGrain : IGrainWithStringKey
{
    /// <summary>"silo activation visits": this activation's silo and id, and how many calls it has served.</summary>
    Task<string> VisitAsync();

    /// <summary>For measuring the call path alone: value + 1.</summary>
    Task<int> PingAsync(int value);
}
