using OrleansShop.Runtime.Configuration;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Tests.Grains;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests;

public sealed class TimerAndReminderTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Action<ISiloBuilder> FastReminders(InMemoryReminderTable table) => s => s
        .UseInMemoryReminderTable(table)
        .Configure<ReminderOptions>(o =>
        {
            o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(50);
            o.RefreshReminderListPeriod = TimeSpan.FromSeconds(10);
        });

    [Fact]
    public async Task Timer_ticks_repeatedly_without_overlapping_and_survives_a_failing_tick()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>("timer");

        await grain.StartAsync(10);
        await silo.Probe.WaitFor("tick 5");

        Assert.DoesNotContain("overlap", silo.Probe.Events);
        Assert.True(await grain.GetTicksAsync() >= 5);
    }

    [Fact]
    public async Task Disposed_timer_stops_ticking()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<ITimerGrain>("stopped");
        await grain.StartAsync(10);
        await silo.Probe.WaitFor("tick 3");

        await grain.StopAsync();
        var ticks = await grain.GetTicksAsync();
        await Task.Delay(100, Cancel);

        Assert.Equal(ticks, await grain.GetTicksAsync());
    }

    [Fact]
    public async Task Reminder_fires_repeatedly_and_stops_when_unregistered()
    {
        var table = new InMemoryReminderTable();
        await using var silo = await TestSilo.StartAsync(FastReminders(table));
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>("r1");

        await grain.RegisterAsync("daily", 10, 50);
        await silo.Probe.WaitFor("reminder r1 daily");
        await WaitUntil(() => silo.Probe.Count("reminder r1 daily") >= 2);
        Assert.True(await grain.HasReminderAsync("daily"));

        await grain.UnregisterAsync("daily");
        Assert.False(await grain.HasReminderAsync("daily"));
        Assert.Empty(await table.ReadAllAsync(Cancel));
        var count = silo.Probe.Count("reminder r1 daily");
        await Task.Delay(150, Cancel);
        Assert.True(silo.Probe.Count("reminder r1 daily") <= count + 1);
    }

    [Fact]
    public async Task Reminder_ticks_at_most_once_per_period()
    {
        await using var silo = await TestSilo.StartAsync(FastReminders(new InMemoryReminderTable()));
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>("once");
        var started = System.Diagnostics.Stopwatch.StartNew();

        await grain.RegisterAsync("pulse", 100, 100);
        await Task.Delay(2_000, Cancel);
        await grain.UnregisterAsync("pulse");
        var elapsed = started.Elapsed;

        // Ticks fall on distinct due times (start + n x period); a busy machine can only make them fewer. A timer that
        // wakes a fraction of a millisecond before its due time must not tick that due time twice.
        var ticks = silo.Probe.Count("reminder once pulse");
        var dueTimes = (int)(elapsed.TotalMilliseconds / 100) + 1;
        Assert.InRange(ticks, 1, dueTimes);
    }

    [Fact]
    public async Task Reminder_period_below_the_minimum_is_refused()
    {
        await using var silo = await TestSilo.StartAsync(FastReminders(new InMemoryReminderTable()));
        var grain = silo.GrainFactory.GetGrain<IReminderGrain>("short");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.RegisterAsync("too-often", 0, 10));
    }

    [Fact]
    public async Task Reminder_definition_is_durable_and_fires_on_a_new_silo_sharing_the_table()
    {
        var table = new InMemoryReminderTable();
        await using (var first = await TestSilo.StartAsync(FastReminders(table)))
        {
            await first.GrainFactory.GetGrain<IReminderGrain>("durable").RegisterAsync("nightly", 200, 100);
        }

        Assert.Single(await table.ReadAllAsync(Cancel));
        await using var second = await TestSilo.StartAsync(FastReminders(table));

        // Nobody calls the grain on the second silo: the reminder activates it.
        await second.Probe.WaitFor("reminder durable nightly");
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, Cancel);
        }

        Assert.True(condition());
    }
}
