namespace OrleansShop.Api.Limits;

/// <summary>
/// One token bucket per client key, at most <c>maxClients</c> of them. A key arriving when the table is full first drops
/// every refilled bucket (an idle client loses nothing by it), then the least recently used tenth.
/// </summary>
internal sealed class ClientBuckets(int maxClients, TimeProvider time)
{
    private readonly Dictionary<string, TokenBucket> buckets = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly long origin = time.GetTimestamp();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return buckets.Count;
            }
        }
    }

    /// <summary>Charges <paramref name="cost"/> to <paramref name="key"/>'s bucket (sized by <paramref name="budget"/> when new).</summary>
    public bool TryTake(string key, Budget budget, double cost, out TimeSpan retryAfter)
    {
        var now = time.GetElapsedTime(origin);
        lock (gate)
        {
            if (!buckets.TryGetValue(key, out var bucket))
            {
                if (buckets.Count >= maxClients)
                {
                    Evict(now);
                }

                bucket = new TokenBucket(budget, now);
                buckets.Add(key, bucket);
            }

            return bucket.TryTake(cost, now, out retryAfter);
        }
    }

    private void Evict(TimeSpan now)
    {
        foreach (var (key, bucket) in buckets)
        {
            if (bucket.IsFull(now))
            {
                buckets.Remove(key);
            }
        }

        if (buckets.Count < maxClients)
        {
            return;
        }

        // Every client is busy: forget the quietest ones. Dropping a tenth at once keeps this sweep rare.
        var excess = buckets.Count - maxClients + Math.Max(1, maxClients / 10);
        foreach (var key in buckets.OrderBy(b => b.Value.LastUsed).Take(excess).Select(b => b.Key).ToList())
        {
            buckets.Remove(key);
        }
    }
}
