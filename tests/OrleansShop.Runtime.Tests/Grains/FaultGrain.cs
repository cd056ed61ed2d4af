using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

public sealed class FaultGrain : Grain, IFaultGrain
{
    public Task ThrowSynchronously(string message) => throw new ArgumentOutOfRangeException(nameof(message), message);

    public async Task<int> ThrowAfterAwait(string message)
    {
        await Task.Yield();
        throw new GrainFaultException(message);
    }

    public async Task<int> SleepAsync(int milliseconds)
    {
        await Task.Delay(milliseconds);
        return milliseconds;
    }

    public Task<string> EchoAsync(string text) => Task.FromResult(text);
}
