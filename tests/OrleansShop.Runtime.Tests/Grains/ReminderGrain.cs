using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

public sealed class ReminderGrain : Grain, IReminderGrain, IRemindable
{
    private readonly TestProbe probe;

    public ReminderGrain(TestProbe probe) => this.probe = probe;

    public Task RegisterAsync(string name, int dueMilliseconds, int periodMilliseconds) =>
        RegisterOrUpdateReminder(name, TimeSpan.FromMilliseconds(dueMilliseconds), TimeSpan.FromMilliseconds(periodMilliseconds));

    public async Task UnregisterAsync(string name)
    {
        if (await GetReminder(name) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }
    }

    public async Task<bool> HasReminderAsync(string name) => await GetReminder(name) is not null;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Record($"reminder {this.GetPrimaryKeyString()} {reminderName}");
        return Task.CompletedTask;
    }
}
