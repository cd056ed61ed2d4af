using System.Diagnostics;
using OrleansShop.Bench.Silo;

namespace OrleansShop.Bench.Streams;

/// <summary>What the consuming silo received since the last reset: distinct events, repeats, first and last arrival, latencies.</summary>
public sealed class Deliveries
{
    private readonly Lock _lock = new();
    private readonly HashSet<(int, long)> _seen = [];
    private LatencyHistogram _latencies = new();
    private long _duplicates;
    private long _first;
    private long _last;

    public void Record(BenchEvent item, long now)
    {
        lock (_lock)
        {
            if (!_seen.Add((item.Publisher, item.Sequence)))
            {
                _duplicates++;
                return;
            }

            _latencies.Record(now - item.SentTimestamp);
            _first = _first == 0 ? now : _first;
            _last = now;
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _seen.Clear();
            _latencies = new LatencyHistogram();
            (_duplicates, _first, _last) = (0, 0, 0);
        }
    }

    public DeliverySnapshot Snapshot()
    {
        lock (_lock)
        {
            return new DeliverySnapshot(
                _seen.Count, _duplicates, _first, _last,
                _latencies.PercentileMicroseconds(0.50) / 1000, _latencies.PercentileMicroseconds(0.99) / 1000, Stopwatch.Frequency);
        }
    }
}
