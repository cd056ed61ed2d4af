namespace OrleansShop.Api.Warmup;

/// <summary>
/// The catalog warm-up before a new API process reports ready, bound from <c>OrleansShop:Warmup</c>
/// (<c>OrleansShop__Warmup__Requests=2000</c>); off unless <see cref="Requests"/> is set.
/// </summary>
public sealed class WarmupOptions
{
    public const string Section = "OrleansShop:Warmup";

    /// <summary>How many catalog reads to run through the GraphQL executor before /health/ready answers 200; 0 is off.</summary>
    public int Requests { get; set; }

    /// <summary>How many of them run at once.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>
    /// The longest the warm-up may hold readiness back: past it the process reports ready all the same (a replica that
    /// never took traffic because its warm-up stalled would be worse than a cold one).
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
