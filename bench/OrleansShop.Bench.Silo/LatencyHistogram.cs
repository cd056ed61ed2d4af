using System.Diagnostics;

namespace OrleansShop.Bench.Silo;

/// <summary>
/// Call latencies in fixed buckets (1 µs up to 10 ms, 100 µs up to 1 s), one per caller loop: recording allocates
/// nothing, so the bytes counted per call are the call's own.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int FineMicroseconds = 10_000;
    private const int CoarseStep = 100;
    private const int CoarseBuckets = (1_000_000 - FineMicroseconds) / CoarseStep;

    private readonly long[] counts = new long[FineMicroseconds + CoarseBuckets + 1];

    public long Count { get; private set; }

    public void Record(long elapsedTicks)
    {
        var micros = elapsedTicks * 1_000_000 / Stopwatch.Frequency;
        var bucket = micros < FineMicroseconds
            ? (int)micros
            : (int)Math.Min(counts.Length - 1, FineMicroseconds + ((micros - FineMicroseconds) / CoarseStep));
        counts[bucket]++;
        Count++;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] += other.counts[i];
        }

        Count += other.Count;
    }

    /// <summary>The upper bound, in µs, of the bucket holding the given fraction of the calls.</summary>
    public double PercentileMicroseconds(double fraction)
    {
        var rank = (long)Math.Ceiling(fraction * Count);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank && seen > 0)
            {
                return i < FineMicroseconds ? i + 1 : FineMicroseconds + ((i - FineMicroseconds + 1) * CoarseStep);
            }
        }

        return 0;
    }
}
