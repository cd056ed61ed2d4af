using Microsoft.Extensions.DependencyInjection;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Clustering.Transport;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Placement;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Placement;

/// <summary>The routing decision of a silo that has joined a two-silo ring and has a grain directory.</summary>
public sealed class GrainRouteTests
{
    private static readonly SiloAddress s_local = new("10.0.0.1", 11111, 1);
    private static readonly SiloAddress s_other = new("10.0.0.2", 11111, 2);

    [Fact]
    public async Task Directory_placed_grains_route_through_the_directory_while_their_reminders_stay_with_the_ring_owner()
    {
        await using var silo = await TestSilo.StartAsync(s =>
        {
            s.Services.AddSingleton<IClusterMembership>(new OneSilo());
            s.Services.AddSingleton<SiloTransport>();
            s.Services.AddOptions<ClusterMessagingOptions>();
            s.UseGrainDirectory(_ => new NoDirectory());
        });
        await using var transport = StartTransport(silo);
        var ring = new ConsistentHashRing([s_local, s_other]);

        var placed = IdOwnedBy(ring, "preferlocalcounter", s_other);
        Assert.Equal(GrainRoute.Directory, transport.Route(placed, out _));
        Assert.True(transport.TryGetRemoteOwner(placed, out var reminderSilo)); // only the ring owner ticks its reminders
        Assert.Equal(s_other, reminderSilo);
        Assert.Equal(GrainRoute.Directory, transport.Route(IdOwnedBy(ring, "preferlocalcounter", s_local), out _));
        Assert.False(transport.TryGetRemoteOwner(IdOwnedBy(ring, "preferlocalcounter", s_local), out _));

        var hashed = IdOwnedBy(ring, "counter", s_other);
        Assert.Equal(GrainRoute.Remote, transport.Route(hashed, out var owner));
        Assert.Equal(s_other, owner);
        Assert.Equal(GrainRoute.Local, transport.Route(IdOwnedBy(ring, "counter", s_local), out _));
        Assert.Equal(GrainRoute.Local, transport.Route(IdOwnedBy(ring, "worker", s_other), out _));
    }

    [Fact]
    public async Task Without_a_directory_placement_attributes_fall_back_to_the_ring()
    {
        await using var silo = await TestSilo.StartAsync(s =>
        {
            s.Services.AddSingleton<SiloTransport>();
            s.Services.AddOptions<ClusterMessagingOptions>();
        });
        await using var transport = StartTransport(silo);
        var ring = new ConsistentHashRing([s_local, s_other]);

        Assert.Equal(GrainRoute.Remote, transport.Route(IdOwnedBy(ring, "preferlocalcounter", s_other), out var owner));
        Assert.Equal(s_other, owner);
    }

    private static SiloTransport StartTransport(TestSilo silo)
    {
        var transport = silo.Services.GetRequiredService<SiloTransport>();
        transport.Start(s_local, client: false);
        transport.UseRing(new ConsistentHashRing([s_local, s_other]));
        return transport;
    }

    private static GrainId IdOwnedBy(ConsistentHashRing ring, string grainType, SiloAddress silo) =>
        Enumerable.Range(0, 1_000).Select(i => new GrainId(grainType, "k" + i)).First(id => ring.OwnerOf(id) == silo);

    private sealed class NoDirectory : IGrainDirectory
    {
        public Task<GrainAddress> RegisterAsync(GrainAddress address, CancellationToken cancellationToken) => Task.FromResult(address);

        public Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken) => Task.FromResult<GrainAddress?>(null);

        public Task<bool> UnregisterAsync(GrainAddress address, CancellationToken cancellationToken) => Task.FromResult(false);
    }

    private sealed class OneSilo : IClusterMembership
    {
        public SiloAddress LocalSilo => s_local;

        public MembershipTableData Current { get; } = new([], 0);

        public IReadOnlyList<SiloAddress> ActiveSilos => [s_local, s_other];

        public SiloAddress? OwnerOf(GrainId grainId) => null;
    }
}
