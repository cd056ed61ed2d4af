using System.Diagnostics;
using System.Globalization;

namespace OrleansShop.Runtime.TestHost;

/// <summary>
/// The host's placement requests. <c>kind</c> is <c>random</c> ([RandomPlacement]) or <c>local</c>
/// ([PreferLocalPlacement]); a visit answers "silo activation visits".
/// </summary>
internal static class PlacementCommands
{
    /// <summary>placed &lt;kind&gt; &lt;key&gt;: one visit.</summary>
    public static Task<string> VisitAsync(IGrainFactory grains, string kind, string key) => Grain(grains, kind, key).VisitAsync();

    /// <summary>placedmany &lt;kind&gt; &lt;prefix&gt; &lt;n&gt;: one visit to each of n grains, concurrently; "key silo activation visits" joined by commas.</summary>
    public static async Task<string> VisitManyAsync(IGrainFactory grains, string kind, string prefix, int count)
    {
        var keys = Keys(prefix, count);
        var visits = await Task.WhenAll(keys.Select(k => Grain(grains, kind, k).VisitAsync()));
        return string.Join(',', keys.Zip(visits, (k, v) => k + " " + v));
    }

    /// <summary>
    /// recoverplaced &lt;kind&gt; &lt;prefix&gt; &lt;n&gt;: visits each grain, retrying a failed call until one succeeds;
    /// answers the milliseconds the slowest took, then ";" and the visits as placedmany does.
    /// </summary>
    public static async Task<string> RecoverManyAsync(IGrainFactory grains, string kind, string prefix, int count)
    {
        var clock = Stopwatch.StartNew();
        var keys = Keys(prefix, count);
        var visits = await Task.WhenAll(keys.Select(async k =>
        {
            while (true)
            {
                try
                {
                    return await Grain(grains, kind, k).VisitAsync();
                }
                catch (Exception) when (clock.Elapsed < TimeSpan.FromSeconds(60))
                {
                    await Task.Delay(20);
                }
            }
        }));
        return clock.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture) + ";" + string.Join(',', keys.Zip(visits, (k, v) => k + " " + v));
    }

    /// <summary>
    /// placedbench &lt;kind&gt; &lt;prefix&gt; &lt;n&gt; &lt;seconds&gt;: ping calls to n grains, each in its own loop, wherever they
    /// are (e.g. prefer-local grains another silo called first); as the bench request, after a visit to each.
    /// </summary>
    public static async Task<string> BenchAsync(IGrainFactory grains, string kind, string prefix, int count, double seconds)
    {
        var references = Keys(prefix, count).Select(k => Grain(grains, kind, k)).ToArray();
        await Task.WhenAll(references.Select(r => r.VisitAsync()));
        return await ClusterBench.MeasureAsync([.. references.Select(r => (Func<int, Task<int>>)r.PingAsync)], seconds);
    }

    private static string[] Keys(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture))];

    private static IPlacedGrain Grain(IGrainFactory grains, string kind, string key) => kind switch
    {
        "random" => grains.GetGrain<IPlacedGrain>(key, "OrleansShop.Runtime.TestHost.RandomPlaced"),
        "local" => grains.GetGrain<IPlacedGrain>(key, "OrleansShop.Runtime.TestHost.LocalPlaced"),
        _ => throw new FormatException($"Unknown placement '{kind}': random or local."),
    };
}
