namespace OrleansShop.Runtime;

/// <summary>A grain timer. Disposing it stops further ticks; a running tick finishes.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Reschedules the timer: next tick after <paramref name="dueTime"/>, then every <paramref name="period"/>
    /// (<see cref="Timeout.InfiniteTimeSpan"/> for a single tick).</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
