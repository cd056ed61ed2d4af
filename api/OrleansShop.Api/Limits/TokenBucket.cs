namespace OrleansShop.Api.Limits;

/// <summary>
/// Tokens refill continuously up to the capacity; a charge takes them all or none. Times are monotonic (elapsed since an
/// arbitrary origin), so a wall-clock change cannot refill or drain a bucket. Not thread-safe: its table locks.
/// </summary>
internal sealed class TokenBucket(Budget budget, TimeSpan now)
{
    private double tokens = budget.Capacity;
    private TimeSpan updatedAt = now;

    public TimeSpan LastUsed { get; private set; } = now;

    /// <summary>Takes <paramref name="cost"/> tokens, or none and says how long until they are there.</summary>
    public bool TryTake(double cost, TimeSpan now, out TimeSpan retryAfter)
    {
        Refill(now);
        LastUsed = now;

        // An operation dearer than the whole bucket waits for a full one rather than being refused for ever.
        cost = Math.Min(cost, budget.Capacity);
        if (tokens >= cost)
        {
            tokens -= cost;
            retryAfter = TimeSpan.Zero;
            return true;
        }

        retryAfter = TimeSpan.FromSeconds((cost - tokens) / budget.RefillPerSecond);
        return false;
    }

    /// <summary>A full bucket is the same as a new one, so it can be forgotten.</summary>
    public bool IsFull(TimeSpan now)
    {
        Refill(now);
        return tokens >= budget.Capacity;
    }

    private void Refill(TimeSpan now)
    {
        if (now > updatedAt)
        {
            tokens = Math.Min(budget.Capacity, tokens + ((now - updatedAt).TotalSeconds * budget.RefillPerSecond));
            updatedAt = now;
        }
    }
}
