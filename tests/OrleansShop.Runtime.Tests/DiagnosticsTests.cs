using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrleansShop.Runtime.Tests.Grains;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests;

/// <summary>The runtime reports calls through the "OrleansShop.Runtime" meter and one activity per grain call.</summary>
public sealed class DiagnosticsTests
{
    private const string SourceName = "OrleansShop.Runtime";

    [Fact]
    public async Task Each_grain_call_starts_one_server_activity_named_after_the_method_and_tagged_with_the_grain()
    {
        var key = "traced-" + Guid.NewGuid().ToString("N");
        var mine = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if ((activity.GetTagItem("orleansshop.grain.id") as string)?.EndsWith("/" + key, StringComparison.Ordinal) == true)
                {
                    mine.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>(key);

        await counter.IncrementAsync();
        await counter.IncrementAsync();
        await counter.GetAsync();

        Assert.Equal(3, mine.Count);
        Assert.Equal(2, mine.Count(a => a.DisplayName == "ICounterGrain/IncrementAsync"));
        Assert.Single(mine, a => a.DisplayName == "ICounterGrain/GetAsync");
        Assert.All(mine, a => Assert.Equal(ActivityKind.Server, a.Kind));
    }

    [Fact]
    public async Task Calls_and_their_durations_are_measured()
    {
        long calls = 0;
        long durations = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SourceName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "orleansshop.runtime.calls")
            {
                Interlocked.Add(ref calls, value);
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (instrument.Name == "orleansshop.runtime.call.duration" && value >= 0)
            {
                Interlocked.Increment(ref durations);
            }
        });
        listener.Start();
        await using var silo = await TestSilo.StartAsync();
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("measured-" + Guid.NewGuid().ToString("N"));

        for (var i = 0; i < 5; i++)
        {
            await counter.IncrementAsync();
        }

        // The instruments are process-wide and other tests run in parallel, so at least this test's calls are seen.
        Assert.True(Interlocked.Read(ref calls) >= 5, $"counted {calls} calls");
        Assert.True(Interlocked.Read(ref durations) >= 5, $"recorded {durations} durations");
    }
}
