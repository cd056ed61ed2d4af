using OrleansShop.Api.Limits;

namespace OrleansShop.Api.Tests;

/// <summary>The token buckets behind every rate limit, on a clock the test moves.</summary>
public sealed class ClientBucketsTests
{
    private static readonly Budget TenThenTwoASecond = Budget.Of(10, 2);

    [Fact]
    public void A_bucket_refuses_what_it_lacks_and_says_when_it_will_have_it()
    {
        var clock = new SteppedClock();
        var buckets = new ClientBuckets(10, clock);

        Assert.True(buckets.TryTake("a", TenThenTwoASecond, 10, out _));
        Assert.False(buckets.TryTake("a", TenThenTwoASecond, 3, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(1.5), wait);
        Assert.True(buckets.TryTake("b", TenThenTwoASecond, 10, out _)); // another client has its own bucket
        clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.True(buckets.TryTake("a", TenThenTwoASecond, 3, out _));
        Assert.False(buckets.TryTake("a", TenThenTwoASecond, 1, out _));
    }

    [Fact]
    public void An_operation_dearer_than_the_bucket_waits_for_a_full_bucket_rather_than_for_ever()
    {
        var clock = new SteppedClock();
        var buckets = new ClientBuckets(10, clock);

        Assert.True(buckets.TryTake("a", TenThenTwoASecond, 50, out _));
        Assert.False(buckets.TryTake("a", TenThenTwoASecond, 50, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(5), wait);
    }

    [Fact]
    public void Many_keys_never_grow_the_table_past_its_bound_and_evicting_idle_clients_spares_a_drained_one()
    {
        var clock = new SteppedClock();
        var buckets = new ClientBuckets(100, clock);
        Assert.True(buckets.TryTake("busy", TenThenTwoASecond, 10, out _));
        for (var i = 0; i < 99; i++)
        {
            buckets.TryTake($"spoofed-{i}", TenThenTwoASecond, 1, out _);
        }

        clock.Advance(TimeSpan.FromSeconds(1)); // the spoofed clients refilled; "busy" has 2 of 10
        Assert.True(buckets.TryTake("newcomer", TenThenTwoASecond, 1, out _));
        Assert.Equal(2, buckets.Count);
        Assert.False(buckets.TryTake("busy", TenThenTwoASecond, 3, out _));

        for (var i = 0; i < 10_000; i++)
        {
            buckets.TryTake($"flood-{i}", TenThenTwoASecond, 10, out _);
        }

        Assert.InRange(buckets.Count, 1, 100);
    }

    /// <summary>A monotonic clock that moves only when told.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }
}
