using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

public interface IWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Waits for the probe's "release" signal and returns the activation's identity.</summary>
    Task<Guid> WorkAsync();
}
