namespace OrleansShop.Providers.AdoNet.Tests.Grains;

/// <summary>Registers reminders (stored by the ADO.NET reminder table) and reports each tick it receives.</summary>
public class ReminderProbeGrain(ReminderTicks ticks) : Grain, IReminderProbeGrain, IRemindable
{
    public Task Register(string reminderName, TimeSpan period) => this.RegisterOrUpdateReminder(reminderName, period, period);

    public async Task Unregister(string reminderName)
    {
        var reminder = await this.GetReminder(reminderName) ?? throw new InvalidOperationException($"no reminder {reminderName}");
        await this.UnregisterReminder(reminder);
    }

    public async Task<IReadOnlyList<string>> ReminderNames() => [.. (await this.GetReminders()).Select(r => r.ReminderName)];

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ticks.Record(this.GetPrimaryKey(), reminderName);
        return Task.CompletedTask;
    }
}
