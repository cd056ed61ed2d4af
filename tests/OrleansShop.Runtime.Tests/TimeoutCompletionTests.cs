using OrleansShop.Runtime.Configuration;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Tests.Grains;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests;

public sealed class TimeoutCompletionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Slow_caller_continuation_of_a_timed_out_call_does_not_delay_other_timeouts()
    {
        await using var silo = await TestSilo.StartAsync(s => s.Configure<SiloMessagingOptions>(o =>
        {
            o.ResponseTimeout = TimeSpan.FromMilliseconds(200);
            o.ResponseTimeoutSweepInterval = TimeSpan.FromMilliseconds(20);
        }));
        var firstGate = silo.GrainFactory.GetGrain<IGateGrain>("slow-continuation-1", typeof(GateGrain).FullName);
        var secondGate = silo.GrainFactory.GetGrain<IGateGrain>("slow-continuation-2", typeof(GateGrain).FullName);
        var firstContinuing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var blocker = new ManualResetEventSlim();
        try
        {
            // The first caller's continuation blocks on whatever thread completes the call.
            var first = firstGate.WaitAsync();
            var firstContinued = first.ContinueWith(
                _ =>
                {
                    firstContinuing.TrySetResult();
                    blocker.Wait(TimeSpan.FromSeconds(10));
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            await firstContinuing.Task.WaitAsync(TimeSpan.FromSeconds(5), Cancel);

            // Started only once the first caller's continuation is running: it can time out only in a later sweep.
            var second = secondGate.WaitAsync();

            // WhenAny, not WaitAsync: WaitAsync's own expiry would also throw a TimeoutException.
            await Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(2), Cancel));
            Assert.True(second.IsFaulted, "The second call did not time out while the first caller's continuation ran.");
            await Assert.ThrowsAsync<TimeoutException>(() => second);
            Assert.False(firstContinued.IsCompleted);
            await Assert.ThrowsAsync<TimeoutException>(() => first);
        }
        finally
        {
            blocker.Set();
            await firstGate.OpenAsync();
            await secondGate.OpenAsync();
        }
    }
}
