using System.Diagnostics;
using System.Globalization;

namespace OrleansShop.Bench.Silo;

/// <summary>
/// Calls the ping grains from a bounded number of caller loops, each cycling over its share of the grains (so every
/// grain is called and no more than <c>callers</c> calls are in flight), as the old runtime's cluster bench did:
/// a warm-up, then a measured window bounded by time. Bytes and CPU are this process's over the window, per call.
/// </summary>
internal static class CallLoad
{
    public static async Task<string> MeasureAsync(IPingGrain[] grains, int callers, TimeSpan warmUp, TimeSpan duration)
    {
        callers = Math.Clamp(callers, 1, grains.Length);
        await RunForAsync(grains, callers, warmUp).ConfigureAwait(false);

        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var histograms = await RunForAsync(grains, callers, duration).ConfigureAwait(false);
        var elapsed = clock.Elapsed.TotalSeconds;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        var all = new LatencyHistogram();
        foreach (var histogram in histograms)
        {
            all.Add(histogram);
        }

        var calls = Math.Max(1, all.Count);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"calls={all.Count} rate={all.Count / elapsed:0} p50us={all.PercentileMicroseconds(0.5):0.0} p99us={all.PercentileMicroseconds(0.99):0.0} bytes={bytes / calls} cpuus={cpu.TotalMicroseconds / calls:0.00}");
    }

    private static async Task<LatencyHistogram[]> RunForAsync(IPingGrain[] grains, int callers, TimeSpan duration)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var histograms = new LatencyHistogram[callers];
        for (var i = 0; i < callers; i++)
        {
            histograms[i] = new LatencyHistogram();
        }

        await Task.WhenAll(Enumerable.Range(0, callers).Select(index => Task.Run(async () =>
        {
            var histogram = histograms[index];
            var value = 0;
            var next = index;
            while (true)
            {
                var start = Stopwatch.GetTimestamp();
                if (start >= end)
                {
                    return;
                }

                value = await grains[next].PingAsync(value).ConfigureAwait(false);
                histogram.Record(Stopwatch.GetTimestamp() - start);
                next += callers;
                if (next >= grains.Length)
                {
                    next = index;
                }
            }
        }))).ConfigureAwait(false);
        return histograms;
    }
}
