using System.Diagnostics;
using System.Globalization;

namespace OrleansShop.Bench.Streams;

/// <summary>The publishing side's two measurements, each waiting until the consuming silo has every event (or the drain limit).</summary>
internal sealed class StreamLoad(IGrainFactory grains, int publisherCount, TimeSpan drainLimit)
{
    private const int FlatBatch = 20;

    private readonly IPublisherGrain[] _publishers = [.. Enumerable.Range(0, publisherCount).Select(i => grains.GetGrain<IPublisherGrain>(i))];
    private readonly long[] _next = new long[publisherCount];
    private readonly IDeliveryStatsGrain _stats = grains.GetGrain<IDeliveryStatsGrain>(0);

    /// <summary>Every publisher publishing back to back for <paramref name="duration"/>; events/s from the first publish to the last arrival.</summary>
    public async Task<string> FlatOutAsync(TimeSpan duration)
    {
        await _stats.ResetAsync();
        var start = Stopwatch.GetTimestamp();
        var published = new long[_publishers.Length];
        await Task.WhenAll(_publishers.Select(async (publisher, i) =>
        {
            while (Stopwatch.GetElapsedTime(start) < duration)
            {
                await publisher.PublishAsync(_next[i], FlatBatch);
                _next[i] += FlatBatch;
                published[i] += FlatBatch;
            }
        }));
        var publishSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var total = published.Sum();
        var received = await DrainAsync(total);
        var seconds = (double)(received.LastTimestamp - start) / received.Frequency;
        return string.Create(CultureInfo.InvariantCulture,
            $"published={total} delivered={received.Delivered} duplicates={received.Duplicates} publishrate={total / publishSeconds:F0} rate={received.Delivered / seconds:F0}");
    }

    /// <summary><paramref name="rate"/> events a second, spread over the publishers, for <paramref name="duration"/>; latency from publish to arrival.</summary>
    public async Task<string> PacedAsync(int rate, TimeSpan duration)
    {
        await _stats.ResetAsync();
        var total = (int)(rate * duration.TotalSeconds);
        var start = Stopwatch.GetTimestamp();
        var calls = new List<Task>(total);
        for (var k = 0; k < total; k++)
        {
            var due = TimeSpan.FromSeconds((double)k / rate) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            // Not awaited: a slow publish must not hold back the next one's time.
            var i = k % _publishers.Length;
            calls.Add(_publishers[i].PublishAsync(_next[i]++, 1));
        }

        await Task.WhenAll(calls);
        var received = await DrainAsync(total);
        return string.Create(CultureInfo.InvariantCulture,
            $"events={total} delivered={received.Delivered} duplicates={received.Duplicates} p50ms={received.P50Ms:F1} p99ms={received.P99Ms:F1}");
    }

    private async Task<DeliverySnapshot> DrainAsync(long total)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var snapshot = await _stats.SnapshotAsync();
            if (snapshot.Delivered >= total || waited.Elapsed > drainLimit)
            {
                return snapshot;
            }

            await Task.Delay(50);
        }
    }
}
