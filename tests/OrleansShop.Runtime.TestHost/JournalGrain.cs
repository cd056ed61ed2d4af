using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Runtime.TestHost;

public sealed class JournalGrain([PersistentState("journal")] IPersistentState<JournalState> journal) : Grain, IJournalGrain, IRemindable
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        HostEvents.Publish($"activated {this.GetPrimaryKeyString()} {journal.State.Entries.Count}");
        return Task.CompletedTask;
    }

    public async Task<int> AppendAsync(string entry)
    {
        journal.State.Entries.Add(entry);
        await journal.WriteStateAsync();
        return journal.State.Entries.Count;
    }

    public Task<IReadOnlyList<string>> ReadAsync() => Task.FromResult<IReadOnlyList<string>>([.. journal.State.Entries]);

    public Task RemindAsync(string reminderName, int periodMilliseconds) =>
        RegisterOrUpdateReminder(reminderName, TimeSpan.FromMilliseconds(periodMilliseconds), TimeSpan.FromMilliseconds(periodMilliseconds));

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        HostEvents.Publish($"reminder {this.GetPrimaryKeyString()} {reminderName}");
        return Task.CompletedTask;
    }
}
