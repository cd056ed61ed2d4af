namespace OrleansShop.Runtime;

/// <summary>When a grain timer ticks and how its ticks are scheduled among the grain's requests.</summary>
public readonly record struct GrainTimerCreationOptions
{
    public GrainTimerCreationOptions(TimeSpan dueTime, TimeSpan period)
    {
        DueTime = dueTime;
        Period = period;
    }

    public TimeSpan DueTime { get; init; }

    /// <summary><see cref="Timeout.InfiniteTimeSpan"/> ticks once.</summary>
    public TimeSpan Period { get; init; }

    /// <summary>Whether ticks may interleave with requests; by default a tick waits for, and blocks, requests.</summary>
    public bool Interleave { get; init; }

    /// <summary>Whether ticks count as activity that keeps the activation from idle collection.</summary>
    public bool KeepAlive { get; init; }
}
