using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

public interface IFaultGrain : IGrainWithIntegerKey
{
    Task ThrowSynchronously(string message);

    Task<int> ThrowAfterAwait(string message);

    Task<int> SleepAsync(int milliseconds);

    Task<string> EchoAsync(string text);
}
