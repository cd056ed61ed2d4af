using Microsoft.Extensions.DependencyInjection;
using OrleansShop.Runtime.Configuration;
using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Tests.Grains;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests;

public sealed class LifecycleTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deactivated_grain_reactivates_on_the_next_call_with_its_persisted_state()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>("reload");
        await grain.IncrementAsync();
        await grain.IncrementAsync();
        var first = await grain.GetActivationIdAsync();

        await grain.DeactivateAsync();
        await silo.Probe.WaitFor("deactivate reload ApplicationRequested");

        Assert.Equal(2, await grain.GetAsync());
        Assert.NotEqual(first, await grain.GetActivationIdAsync());
        Assert.Contains("activate reload 2", silo.Probe.Events);
    }

    [Fact]
    public async Task Calls_made_while_a_grain_deactivates_go_to_its_next_activation()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>("handover");
        await grain.IncrementAsync();

        var deactivating = grain.DeactivateAsync();
        var increments = Enumerable.Range(0, 20).Select(_ => grain.IncrementAsync()).ToArray();
        await deactivating;

        Assert.Equal(Enumerable.Range(2, 20), (await Task.WhenAll(increments)).Order());
        Assert.Equal(21, await grain.GetAsync());
    }

    [Fact]
    public async Task Etag_conflict_fails_the_write_and_the_next_call_reads_the_current_state()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>("contended");
        await grain.IncrementAsync();
        var first = await grain.GetActivationIdAsync();

        // Another writer (think: a duplicate activation on another silo) changes the stored state.
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>("Default");
        var grainId = grain.GetGrainId();
        var other = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("counter", grainId, other, Cancel);
        other.State.Value = 100;
        await storage.WriteStateAsync("counter", grainId, other, Cancel);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.IncrementAsync());

        Assert.Equal(100, await grain.GetAsync());
        Assert.NotEqual(first, await grain.GetActivationIdAsync());
        Assert.Equal(101, await grain.IncrementAsync());
    }

    [Fact]
    public async Task Cleared_state_no_longer_exists_and_starts_from_a_new_value()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>("cleared");
        await grain.IncrementAsync();
        Assert.True(await grain.RecordExistsAsync());

        await grain.ClearAsync();

        Assert.False(await grain.RecordExistsAsync());
        Assert.Equal(0, await grain.GetAsync());
        Assert.Equal(1, await grain.IncrementAsync());
    }

    [Fact]
    public async Task Idle_activation_is_collected_and_its_state_survives()
    {
        await using var silo = await TestSilo.StartAsync(s => s.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = TimeSpan.FromMilliseconds(150);
            o.CollectionQuantum = TimeSpan.FromMilliseconds(50);
        }));
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>("idle");
        await grain.IncrementAsync();
        var first = await grain.GetActivationIdAsync();

        await silo.Probe.WaitFor("deactivate idle ActivationIdle");

        Assert.NotEqual(first, await grain.GetActivationIdAsync());
        Assert.Equal(1, await grain.GetAsync());
    }

    [Fact]
    public async Task Busy_activation_is_not_collected()
    {
        await using var silo = await TestSilo.StartAsync(s => s.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = TimeSpan.FromMilliseconds(300);
            o.CollectionQuantum = TimeSpan.FromMilliseconds(50);
        }));
        var grain = silo.GrainFactory.GetGrain<ICounterGrain>("busy");
        var first = await grain.GetActivationIdAsync();

        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(60, Cancel);
            Assert.Equal(first, await grain.GetActivationIdAsync());
        }
    }

    [Fact]
    public async Task Stopping_the_silo_deactivates_activations_as_shutting_down()
    {
        var probe = new TestProbe();
        await using (var silo = await TestSilo.StartAsync(probe: probe))
        {
            await silo.GrainFactory.GetGrain<ICounterGrain>("shutdown").IncrementAsync();
            await silo.StopAsync();
        }

        Assert.Contains("deactivate shutdown ShuttingDown", probe.Events);
    }

    [Fact]
    public async Task Grain_reference_kept_in_state_works_after_reactivation()
    {
        await using var silo = await TestSilo.StartAsync();
        var link = silo.GrainFactory.GetGrain<ILinkGrain>("link");
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>("linked");
        await link.LinkAsync(counter);

        await link.DeactivateAsync();
        await Task.Delay(50, Cancel);

        Assert.Equal(1, await link.IncrementTargetAsync());
        Assert.Equal(1, await counter.GetAsync());
    }
}
