using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    /// <summary>Identifies the activation: changes when the grain is reactivated.</summary>
    Task<Guid> GetActivationIdAsync();

    Task DeactivateAsync();

    Task ClearAsync();

    Task<bool> RecordExistsAsync();
}
