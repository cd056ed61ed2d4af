using OrleansShop.Runtime.Clustering;

namespace OrleansShop.Runtime.Tests.Clustering;

public sealed class ConsistentHashRingTests
{
    private static readonly GrainId[] s_grains = [.. Enumerable.Range(0, 20_000).Select(i => new GrainId("CartGrain", "cart-" + i))];

    [Fact]
    public void Every_silo_computes_the_same_owner_whatever_order_it_lists_the_silos_in()
    {
        var silos = Silos(3);
        var ring = new ConsistentHashRing(silos);
        var reversed = new ConsistentHashRing([.. silos.AsEnumerable().Reverse()]);

        Assert.All(s_grains.Take(2_000), g => Assert.Equal(ring.OwnerOf(g), reversed.OwnerOf(g)));
    }

    [Fact]
    public void Grains_spread_over_all_silos_roughly_evenly()
    {
        var ring = new ConsistentHashRing(Silos(3));

        var counts = s_grains.GroupBy(ring.OwnerOf).Select(g => g.Count()).ToList();

        Assert.Equal(3, counts.Count);
        Assert.All(counts, c => Assert.InRange(c, s_grains.Length / 3 * 0.7, s_grains.Length / 3 * 1.3));
    }

    [Fact]
    public void A_joining_silo_takes_about_its_share_and_every_moved_grain_moves_to_it()
    {
        var before = new ConsistentHashRing(Silos(3));
        var newcomer = Silos(4)[3];
        var after = new ConsistentHashRing(Silos(4));

        var moved = s_grains.Where(g => before.OwnerOf(g) != after.OwnerOf(g)).ToList();

        Assert.All(moved, g => Assert.Equal(newcomer, after.OwnerOf(g)));
        Assert.InRange(moved.Count, s_grains.Length / 4 * 0.6, s_grains.Length / 4 * 1.4);
    }

    [Fact]
    public void When_a_silo_leaves_only_its_grains_move()
    {
        var silos = Silos(4);
        var before = new ConsistentHashRing(silos);
        var after = new ConsistentHashRing([silos[0], silos[1], silos[3]]);

        Assert.All(s_grains, g =>
        {
            if (before.OwnerOf(g) != silos[2])
            {
                Assert.Equal(before.OwnerOf(g), after.OwnerOf(g));
            }
        });
    }

    [Fact]
    public void A_restarted_silo_on_the_same_endpoint_is_a_new_identity()
    {
        var address = SiloAddress.Parse("127.0.0.1:11111@1700000000123");

        Assert.Equal(new SiloAddress("127.0.0.1", 11111, 1_700_000_000_123), address);
        Assert.Equal("127.0.0.1:11111@1700000000123", address.ToString());
        Assert.True(address.SameEndpoint(address with { Generation = 1_700_000_000_999 }));
        Assert.NotEqual(address, address with { Generation = 1_700_000_000_999 });
    }

    [Fact]
    public void Suspect_votes_round_trip_through_their_stored_form()
    {
        var votes = new[]
        {
            new SuspectVote(new SiloAddress("10.0.0.1", 11111, 5), DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_001)),
            new SuspectVote(new SiloAddress("silo-b.internal", 11112, 6), DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_002)),
        };

        Assert.Equal(votes, SuspectVote.Parse(SuspectVote.Format(votes)));
        Assert.Null(SuspectVote.Format([]));
        Assert.Empty(SuspectVote.Parse(null));
    }

    private static SiloAddress[] Silos(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new SiloAddress("127.0.0.1", 11111 + i, 1_700_000_000_000 + i))];
}
