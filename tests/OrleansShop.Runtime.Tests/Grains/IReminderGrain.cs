using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

public interface IReminderGrain : IGrainWithStringKey
{
    Task RegisterAsync(string name, int dueMilliseconds, int periodMilliseconds);

    Task UnregisterAsync(string name);

    Task<bool> HasReminderAsync(string name);
}
