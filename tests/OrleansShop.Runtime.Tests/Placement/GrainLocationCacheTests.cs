using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Placement;

namespace OrleansShop.Runtime.Tests.Placement;

public sealed class GrainLocationCacheTests
{
    private static readonly SiloAddress s_silo = new("10.0.0.1", 11111, 1);

    [Fact]
    public void Invalidating_an_entry_leaves_a_newer_one_for_the_same_grain_in_place()
    {
        var cache = new GrainLocationCache(100);
        var old = new GrainAddress(new GrainId("g", "k"), s_silo, "old");
        var replacement = old with { Silo = s_silo with { Generation = 2 }, ActivationId = "new" };
        cache.Put(old);
        cache.Put(replacement);

        cache.Invalidate(old);

        Assert.True(cache.TryGet(old.GrainId, out var held));
        Assert.Equal(replacement, held);
        cache.Invalidate(replacement);
        Assert.False(cache.TryGet(old.GrainId, out _));
    }

    [Fact]
    public void The_cache_stays_bounded_by_forgetting_everything_once_full()
    {
        var cache = new GrainLocationCache(2_000);

        for (var i = 0; i < 10_000; i++)
        {
            cache.Put(new GrainAddress(new GrainId("g", "k" + i), s_silo, "a"));
        }

        Assert.InRange(cache.Count, 1, 2_000 + 1_024);
        Assert.True(cache.TryGet(new GrainId("g", "k9999"), out _));
    }
}
