using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

public sealed class ContextGrain : Grain, IContextGrain
{
    private readonly TestProbe probe;

    public ContextGrain(TestProbe probe) => this.probe = probe;

    public async Task<string?> ReadContextAsync(string key)
    {
        await Task.Yield();
        return RequestContext.Get(key) as string;
    }

    public async Task<string?> ReadContextThroughAsync(IContextGrain other, string key)
    {
        RequestContext.Set("hop", "through " + this.GetPrimaryKey().ToString("N"));
        return await other.ReadContextAsync(key);
    }

    public Task<int> AddAsync(int a, int b) => Task.FromResult(a + b);

    public Task NotifyAsync(string text)
    {
        probe.Record("notified " + text);
        return Task.CompletedTask;
    }
}
