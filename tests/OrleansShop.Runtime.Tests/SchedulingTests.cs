using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Tests.Grains;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests;

public sealed class SchedulingTests
{
    private const string GatePrefix = "OrleansShop.Runtime.Tests.Grains.GateGrain";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Non_reentrant_grain_runs_one_call_at_a_time_under_1000_concurrent_callers()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<ITurnGrain>("turns");

        var calls = Enumerable.Range(0, 1000).Select(_ => Task.Run(() => grain.EnterAsync(), Cancel)).ToArray();
        var results = await Task.WhenAll(calls);

        Assert.Equal(1000, await grain.GetEntriesAsync());
        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
    }

    [Fact]
    public async Task Non_reentrant_grain_holds_a_second_call_until_the_first_finishes()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IGateGrain>("gate", GatePrefix);

        var waiting = grain.WaitAsync();
        var write = grain.WriteAsync();
        await Task.Delay(50, Cancel);
        Assert.False(write.IsCompleted);

        // Which caller's task completes first is not part of the contract (the next turn may start before the first
        // caller resumes); what is, is that the write stayed queued while the first call ran, checked above.
        await grain.OpenAsync();
        Assert.Equal("waited", await waiting.WaitAsync(TimeSpan.FromSeconds(5), Cancel));
        Assert.Equal("written", await write.WaitAsync(TimeSpan.FromSeconds(5), Cancel));
    }

    [Fact]
    public async Task Reentrant_grain_interleaves_calls_at_awaits()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IReentrantGateGrain>("gate");

        var waiting = grain.WaitAsync();
        Assert.Equal("written", await grain.WriteAsync().WaitAsync(TimeSpan.FromSeconds(5), Cancel));
        Assert.False(waiting.IsCompleted);

        await grain.OpenAsync();
        Assert.Equal("waited", await waiting.WaitAsync(TimeSpan.FromSeconds(5), Cancel));
    }

    [Fact]
    public async Task Read_only_calls_interleave_with_each_other_but_not_with_writes()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IGateGrain>("reads", GatePrefix);

        var first = grain.ReadAsync();
        var second = grain.ReadAsync();
        var write = grain.WriteAsync();
        await Task.Delay(50, Cancel);
        Assert.False(write.IsCompleted);

        await grain.OpenAsync();
        Assert.Equal(2, await first);
        Assert.Equal(2, await second);
        Assert.Equal("written", await write);
    }

    [Fact]
    public async Task Always_interleave_call_is_admitted_while_another_call_runs()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IGateGrain>("ping", GatePrefix);

        var waiting = grain.WaitAsync();
        Assert.Equal("pong", await grain.PingAsync().WaitAsync(TimeSpan.FromSeconds(5), Cancel));
        Assert.False(waiting.IsCompleted);
        await grain.OpenAsync();
        await waiting;
    }

    [Fact]
    public async Task Stateless_worker_spreads_concurrent_calls_over_at_most_its_maximum_activations()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IWorkerGrain>(7);

        var calls = Enumerable.Range(0, 6).Select(_ => grain.WorkAsync()).ToArray();
        await WaitUntil(() => silo.Probe.Count("working") >= 3);
        silo.Probe.Signal("release").TrySetResult();
        var activations = (await Task.WhenAll(calls)).Distinct().Count();

        Assert.Equal(3, activations);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, Cancel);
        }

        Assert.True(condition());
    }
}
