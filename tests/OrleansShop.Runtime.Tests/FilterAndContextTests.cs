using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Tests.Grains;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests;

public sealed class FilterAndContextTests
{
    [Fact]
    public async Task Request_context_flows_to_the_grain_and_on_to_the_grains_it_calls()
    {
        await using var silo = await TestSilo.StartAsync();
        var first = silo.GrainFactory.GetGrain<IContextGrain>(Guid.NewGuid());
        var second = silo.GrainFactory.GetGrain<IContextGrain>(Guid.NewGuid());

        RequestContext.Set("correlation-id", "order-17");
        try
        {
            Assert.Equal("order-17", await first.ReadContextAsync("correlation-id"));
            Assert.Equal("order-17", await first.ReadContextThroughAsync(second, "correlation-id"));
            Assert.Equal("through " + first.GetPrimaryKey().ToString("N"), await first.ReadContextThroughAsync(second, "hop"));

            // What the callee set does not flow back.
            Assert.Null(RequestContext.Get("hop"));
        }
        finally
        {
            RequestContext.Clear();
        }

        Assert.Null(await first.ReadContextAsync("correlation-id"));
    }

    [Fact]
    public async Task Incoming_and_outgoing_filters_see_the_call_and_can_change_the_result()
    {
        await using var silo = await TestSilo.StartAsync(s => s
            .AddIncomingGrainCallFilter<DoublingIncomingFilter>()
            .AddOutgoingGrainCallFilter<CallerIdentityOutgoingFilter>());
        var grain = silo.GrainFactory.GetGrain<IContextGrain>(Guid.NewGuid());

        Assert.Equal(10, await grain.AddAsync(2, 3));
        Assert.Equal("alice", await grain.ReadContextAsync("caller"));
        Assert.Contains("in IContextGrain.AddAsync(2, 3) on context/" + grain.GetPrimaryKey().ToString("N"), silo.Probe.Events);
        Assert.Contains("out OrleansShop.Runtime.Tests.Grains.IContextGrain.AddAsync", silo.Probe.Events);
    }

    [Fact]
    public async Task One_way_call_runs_without_the_caller_waiting()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IContextGrain>(Guid.NewGuid());

        await grain.NotifyAsync("shipped");

        await silo.Probe.WaitFor("notified shipped");
    }
}
