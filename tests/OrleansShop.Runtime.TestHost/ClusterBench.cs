using System.Diagnostics;
using System.Globalization;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Invocation;

namespace OrleansShop.Runtime.TestHost;

/// <summary>
/// Grain call throughput and latency from this silo: <paramref name="grains"/> ping grains, all owned by another silo
/// (remote) or by this one (local), called in a loop by <c>callers</c> workers (one per grain by default; fewer
/// callers each cycle over their share of the grains, which bounds the calls in flight). Bounded by time, not by count.
/// </summary>
internal static class ClusterBench
{
    public static Task<string> RunAsync(IGrainFactory factory, IClusterMembership membership, bool remote, int grains, double seconds, int callers = 0)
    {
        var keys = PickKeys(factory, membership, remote, grains);
        return MeasureAsync([.. keys.Select(k => (Func<int, Task<int>>)factory.GetGrain<IPingGrain>(k).PingAsync)], seconds, callers);
    }

    /// <summary>
    /// Calls <paramref name="pings"/> from <paramref name="callers"/> loops (0: one per ping): a 1 s warm-up, then
    /// <paramref name="seconds"/> measured.
    /// </summary>
    public static async Task<string> MeasureAsync(Func<int, Task<int>>[] pings, double seconds, int callers = 0)
    {
        callers = callers <= 0 ? pings.Length : Math.Min(callers, pings.Length);
        await RunForAsync(pings, callers, TimeSpan.FromSeconds(1), record: false);
        var clock = Stopwatch.StartNew();
        var latencies = await RunForAsync(pings, callers, TimeSpan.FromSeconds(seconds), record: true);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        double Percentile(double p) => all.Length == 0 ? 0 : all[(int)Math.Min(all.Length - 1, p * all.Length)] * 1_000_000.0 / Stopwatch.Frequency;
        return string.Create(CultureInfo.InvariantCulture, $"calls={all.Length} rate={all.Length / elapsed:0} p50us={Percentile(0.5):0.0} p99us={Percentile(0.99):0.0}");
    }

    /// <summary>Keys whose grains this silo's ring places elsewhere (remote) or here (local).</summary>
    public static List<string> PickKeys(IGrainFactory factory, IClusterMembership membership, bool remote, int count)
    {
        var keys = new List<string>(count);
        for (var i = 0; keys.Count < count && i < count * 100; i++)
        {
            var key = "bench-" + i.ToString(CultureInfo.InvariantCulture);
            var owner = membership.OwnerOf(((GrainReference)factory.GetGrain<IPingGrain>(key)).GrainId);
            if (owner is not null && (owner != membership.LocalSilo) == remote)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    private static async Task<List<long>[]> RunForAsync(Func<int, Task<int>>[] grains, int callers, TimeSpan duration, bool record)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var results = new List<long>[callers];
        await Task.WhenAll(Enumerable.Range(0, callers).Select(index => Task.Run(async () =>
        {
            var mine = results[index] = new List<long>(record ? 1024 : 0);
            var value = 0;
            var next = index;
            while (true)
            {
                var start = Stopwatch.GetTimestamp();
                if (start >= end)
                {
                    return;
                }

                value = await grains[next](value);
                next += callers;
                if (next >= grains.Length)
                {
                    next = index;
                }
                if (record)
                {
                    mine.Add(Stopwatch.GetTimestamp() - start);
                }
            }
        })));
        return results;
    }
}
