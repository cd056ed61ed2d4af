using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

/// <summary>A grain whose WaitAsync blocks until OpenAsync; used to see which calls get in meanwhile.</summary>
public abstract class GateGrainBase : Grain, IGateGrain
{
    private TaskCompletionSource gate = new();
    private int readers;
    private int maxReaders;

    public async Task<string> WaitAsync()
    {
        await gate.Task;
        return "waited";
    }

    public Task OpenAsync()
    {
        gate.TrySetResult();
        gate = new TaskCompletionSource();
        return Task.CompletedTask;
    }

    public async Task<int> ReadAsync()
    {
        readers++;
        maxReaders = Math.Max(maxReaders, readers);
        await gate.Task;
        readers--;
        return maxReaders;
    }

    public Task<string> PingAsync() => Task.FromResult("pong");

    public Task<string> WriteAsync() => Task.FromResult("written");
}
