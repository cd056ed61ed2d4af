using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

public interface IGateGrain : IGrainWithStringKey
{
    /// <summary>Waits until <see cref="OpenAsync"/> is called.</summary>
    Task<string> WaitAsync();

    [AlwaysInterleave]
    Task OpenAsync();

    [ReadOnly]
    Task<int> ReadAsync();

    [AlwaysInterleave]
    Task<string> PingAsync();

    Task<string> WriteAsync();
}
