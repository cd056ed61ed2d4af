using Orleans.Runtime;

namespace OrleansShop.Providers.Sqlite.Tests.Grains;

public sealed class TallyGrain([PersistentState("tally", TallyGrain.StorageName)] IPersistentState<TallyState> tally) : Grain, ITallyGrain, IRemindable
{
    public const string StorageName = "shop";
    private const string ReminderName = "tick";

    public async Task<int> Add(int amount)
    {
        tally.State.Total += amount;
        await tally.WriteStateAsync();
        return tally.State.Total;
    }

    public Task<TallyState> Get() => Task.FromResult(tally.State);

    public Task StartTicking(TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, period, period);

    public async Task<bool> HasReminder() => await this.GetReminder(ReminderName) is not null;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        tally.State.Ticks++;
        await tally.WriteStateAsync();
    }
}
