using System.Diagnostics.Metrics;
using OrleansShop.Runtime.Configuration;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Tests.Grains;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests;

public sealed class MaintenanceLoopTests
{
    // Set only around this test's silo start: the maintenance loops capture it, other tests' silos never see it.
    private static readonly AsyncLocal<bool> InjectFault = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Timeout_sweep_keeps_running_after_an_unexpected_exception()
    {
        // The sweep counts a failed call before answering it; the first count throws, as an unexpected bug would.
        var thrown = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "orleansshop.runtime.call.failures")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, _, _) =>
        {
            if (InjectFault.Value && Interlocked.Exchange(ref thrown, 1) == 0)
            {
                throw new InvalidOperationException("Injected fault in the timeout sweep.");
            }
        });
        listener.Start();

        InjectFault.Value = true;
        TestSilo silo;
        try
        {
            silo = await TestSilo.StartAsync(s => s.Configure<SiloMessagingOptions>(o =>
            {
                o.ResponseTimeout = TimeSpan.FromMilliseconds(200);
                o.ResponseTimeoutSweepInterval = TimeSpan.FromMilliseconds(20);
            }));
        }
        finally
        {
            InjectFault.Value = false;
        }

        await using (silo)
        {
            var gate = silo.GrainFactory.GetGrain<IGateGrain>("sweep-survives", typeof(GateGrain).FullName);

            var waiting = gate.WaitAsync();
            try
            {
                // WhenAny, not WaitAsync: WaitAsync's own expiry would also throw a TimeoutException.
                await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(5), Cancel));
                Assert.True(waiting.IsFaulted, "The call did not time out after the sweep hit an exception.");
                await Assert.ThrowsAsync<TimeoutException>(() => waiting);
                Assert.Equal(1, Volatile.Read(ref thrown));
            }
            finally
            {
                await gate.OpenAsync();
            }
        }
    }
}
