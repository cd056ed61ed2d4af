namespace OrleansShop.Runtime.Configuration;

/// <summary>Grain call delivery (Orleans' SiloMessagingOptions).</summary>
public sealed class SiloMessagingOptions
{
    /// <summary>How long a caller waits for a grain call before it fails with <see cref="TimeoutException"/>.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often pending calls are checked against their deadline: one sweep instead of a timer per call keeps the call
    /// path cheap; a call therefore fails up to this much later than its timeout. Null: a tenth of the timeout, at most 1 s.
    /// </summary>
    public TimeSpan? ResponseTimeoutSweepInterval { get; set; }

    internal TimeSpan EffectiveSweepInterval =>
        ResponseTimeoutSweepInterval ?? TimeSpan.FromTicks(Math.Clamp(ResponseTimeout.Ticks / 10, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond));
}
