namespace OrleansShop.Grains.Tests.Support;

/// <summary>A clock the test moves by hand, for rules measured in days.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
