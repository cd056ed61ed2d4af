using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

public interface ICycleGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="next"/>.Bounce, which calls back into <paramref name="origin"/>.</summary>
    Task<string> StartAsync(ICycleGrain next);

    Task<string> BounceAsync(ICycleGrain origin);

    Task<string> PingAsync();

    /// <summary>Calls itself through its own reference.</summary>
    Task<string> CallSelfAsync();

    /// <summary>Deactivates after this call, taking a while in OnDeactivateAsync so calls queue up meanwhile.</summary>
    Task DeactivateSlowlyAsync();
}
