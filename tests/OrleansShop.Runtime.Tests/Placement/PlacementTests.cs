using Microsoft.Extensions.DependencyInjection;
using OrleansShop.Runtime.Catalog;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Placement;
using OrleansShop.Runtime.Tests.Grains;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Placement;

public sealed class PlacementTests
{
    private static readonly SiloAddress[] s_silos =
        [new("10.0.0.1", 11111, 1), new("10.0.0.2", 11111, 2), new("10.0.0.3", 11111, 3)];

    [Fact]
    public void Grain_classes_name_their_placement_and_default_to_hash_placement()
    {
        Assert.IsType<HashBasedPlacement>(new GrainClass(typeof(CounterGrain)).Placement);
        Assert.False(new GrainClass(typeof(CounterGrain)).UsesDirectory);

        var preferLocal = new GrainClass(typeof(PreferLocalCounterGrain));
        Assert.IsType<PreferLocalPlacement>(preferLocal.Placement);
        Assert.True(preferLocal.UsesDirectory);

        Assert.IsType<RandomPlacement>(new GrainClass(typeof(RandomWorkerGrain)).Placement);
        Assert.False(new GrainClass(typeof(RandomWorkerGrain)).UsesDirectory); // stateless workers always run locally
        Assert.IsType<HashBasedPlacement>(new GrainClass(typeof(HashOverrideGrain)).Placement); // the nearest attribute wins
    }

    [Fact]
    public async Task Prefer_local_picks_the_calling_silo_while_it_is_active_and_an_active_one_otherwise()
    {
        var director = new PreferLocalPlacementDirector();
        var grain = new GrainId("preferlocalcounter", "k");

        Assert.Equal(s_silos[1], await director.PickSiloAsync(PreferLocalPlacement.Instance, new PlacementContext(grain, s_silos[1], s_silos)));

        var leaving = new SiloAddress("10.0.0.9", 11111, 9);
        Assert.Contains(await director.PickSiloAsync(PreferLocalPlacement.Instance, new PlacementContext(grain, leaving, s_silos)), s_silos);
    }

    [Fact]
    public async Task Random_placement_picks_only_active_silos_and_all_of_them()
    {
        var director = new RandomPlacementDirector();
        var picks = new HashSet<SiloAddress>();
        for (var i = 0; i < 300; i++)
        {
            picks.Add(await director.PickSiloAsync(RandomPlacement.Instance, new PlacementContext(new GrainId("g", "k" + i), s_silos[0], s_silos)));
        }

        Assert.True(picks.SetEquals(s_silos), string.Join(", ", picks));
    }

    [Fact]
    public void A_host_registers_its_own_director_for_its_own_strategy_and_keeps_it_when_a_directory_is_added()
    {
        var services = new ServiceCollection();
        services.AddSilo(silo => silo
            .AddPlacementDirector<NearestPlacement, NearestPlacementDirector>()
            .AddPlacementDirector<RandomPlacement, NearestPlacementDirector>()
            .UseGrainDirectory(_ => throw new NotSupportedException("not resolved here")));
        using var provider = services.BuildServiceProvider();

        Assert.IsType<NearestPlacementDirector>(provider.GetRequiredKeyedService<IPlacementDirector>(typeof(NearestPlacement)));
        Assert.IsType<NearestPlacementDirector>(provider.GetRequiredKeyedService<IPlacementDirector>(typeof(RandomPlacement)));
        Assert.IsType<PreferLocalPlacementDirector>(provider.GetRequiredKeyedService<IPlacementDirector>(typeof(PreferLocalPlacement)));
        Assert.IsType<NearestPlacement>(new GrainClass(typeof(NearestGrain)).Placement);
    }

    [Fact]
    public async Task A_silo_without_clustering_ignores_placement_attributes()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IPlacedCounterGrain>("alone");

        Assert.Equal(1, await grain.IncrementAsync());
        Assert.Equal(2, await grain.IncrementAsync());
        Assert.Equal(3, await silo.GrainFactory.GetGrain<IPlacedCounterGrain>("alone").IncrementAsync());
    }

    public sealed class NearestPlacement : PlacementStrategy;

    [AttributeUsage(AttributeTargets.Class)]
    public sealed class NearestPlacementAttribute() : PlacementAttribute(new NearestPlacement());

    public sealed class NearestPlacementDirector : IPlacementDirector
    {
        public ValueTask<SiloAddress> PickSiloAsync(PlacementStrategy strategy, PlacementContext context) => ValueTask.FromResult(context.CallingSilo);
    }

    [NearestPlacement]
    private sealed class NearestGrain : Grain;

    [RandomPlacement]
    [Concurrency.StatelessWorker(2)]
    private sealed class RandomWorkerGrain : Grain;

    [RandomPlacement]
    private class RandomBaseGrain : Grain;

    [HashBasedPlacement]
    private sealed class HashOverrideGrain : RandomBaseGrain;
}
