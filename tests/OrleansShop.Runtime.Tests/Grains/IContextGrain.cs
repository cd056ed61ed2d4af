using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

public interface IContextGrain : IGrainWithGuidKey
{
    Task<string?> ReadContextAsync(string key);

    /// <summary>Reads the context in another grain after setting an extra entry here.</summary>
    Task<string?> ReadContextThroughAsync(IContextGrain other, string key);

    Task<int> AddAsync(int a, int b);

    [OneWay]
    Task NotifyAsync(string text);
}
