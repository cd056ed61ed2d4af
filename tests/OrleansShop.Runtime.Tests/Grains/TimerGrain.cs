using OrleansShop.Runtime.Concurrency;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Grains;

public sealed class TimerGrain : Grain, ITimerGrain
{
    private readonly TestProbe probe;
    private IGrainTimer? timer;
    private bool inTick;
    private int ticks;

    public TimerGrain(TestProbe probe) => this.probe = probe;

    public Task StartAsync(int periodMilliseconds)
    {
        timer = this.RegisterGrainTimer(TickAsync, TimeSpan.FromMilliseconds(periodMilliseconds), TimeSpan.FromMilliseconds(periodMilliseconds));
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task<int> GetTicksAsync() => Task.FromResult(ticks);

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (inTick)
        {
            probe.Record("overlap");
        }

        inTick = true;
        await Task.Delay(5, CancellationToken.None);
        ticks++;
        inTick = false;
        probe.Record("tick " + ticks);
        if (ticks == 2)
        {
            throw new InvalidOperationException("A failing tick is logged and the timer goes on.");
        }
    }
}
