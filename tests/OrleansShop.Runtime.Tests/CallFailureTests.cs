using OrleansShop.Runtime.Configuration;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Tests.Grains;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests;

public sealed class CallFailureTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Call_cycle_is_detected_for_a_call_handed_over_to_the_next_activation()
    {
        await using var silo = await TestSilo.StartAsync();
        var a = silo.GrainFactory.GetGrain<ICycleGrain>("handed-a");
        var b = silo.GrainFactory.GetGrain<ICycleGrain>("handed-b");
        await a.DeactivateSlowlyAsync();

        // Arrives while the first activation deactivates: it waits there and then runs on the next activation, where
        // its cycle back into that activation must still be recognised rather than wait for the response timeout.
        var cycle = a.StartAsync(b);

        await Assert.ThrowsAsync<DeadlockException>(() => cycle.WaitAsync(TimeSpan.FromSeconds(5), Cancel));
    }

    [Fact]
    public async Task Call_cycle_on_non_reentrant_grain_fails_fast_naming_the_chain()
    {
        await using var silo = await TestSilo.StartAsync();
        var a = silo.GrainFactory.GetGrain<ICycleGrain>("a");
        var b = silo.GrainFactory.GetGrain<ICycleGrain>("b");

        var error = await Assert.ThrowsAsync<DeadlockException>(() => a.StartAsync(b).WaitAsync(TimeSpan.FromSeconds(5), Cancel));

        Assert.Contains("cycle/a ICycleGrain.StartAsync -> cycle/b ICycleGrain.BounceAsync -> cycle/a ICycleGrain.PingAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grain_calling_itself_through_its_reference_fails_fast()
    {
        await using var silo = await TestSilo.StartAsync();
        var a = silo.GrainFactory.GetGrain<ICycleGrain>("self");

        var error = await Assert.ThrowsAsync<DeadlockException>(() => a.CallSelfAsync().WaitAsync(TimeSpan.FromSeconds(5), Cancel));
        Assert.Contains("cycle/self ICycleGrain.CallSelfAsync -> cycle/self ICycleGrain.PingAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_chain_reentrancy_lets_a_cycle_through_when_allowed()
    {
        await using var silo = await TestSilo.StartAsync();
        var a = silo.GrainFactory.GetGrain<ICycleGrain>("a");
        var b = silo.GrainFactory.GetGrain<ICycleGrain>("b");

        using (RequestContext.AllowCallChainReentrancy())
        {
            Assert.Equal("pong from a", await a.StartAsync(b).WaitAsync(TimeSpan.FromSeconds(5), Cancel));
        }
    }

    [Fact]
    public async Task Call_exceeding_the_response_timeout_fails_with_TimeoutException()
    {
        await using var silo = await TestSilo.StartAsync(s => s.Configure<SiloMessagingOptions>(o =>
        {
            o.ResponseTimeout = TimeSpan.FromMilliseconds(200);
            o.ResponseTimeoutSweepInterval = TimeSpan.FromMilliseconds(20);
        }));
        var grain = silo.GrainFactory.GetGrain<IFaultGrain>(1);

        var slow = grain.SleepAsync(3000);
        var queued = grain.EchoAsync("behind");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => slow.WaitAsync(TimeSpan.FromSeconds(2), Cancel));
        Assert.Contains("IFaultGrain.SleepAsync", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TimeoutException>(() => queued.WaitAsync(TimeSpan.FromSeconds(2), Cancel));
    }

    [Fact]
    public async Task Exception_thrown_synchronously_reaches_the_caller_with_its_type_and_message()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IFaultGrain>(2);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.ThrowSynchronously("bad amount"));
        Assert.Contains("bad amount", error.Message, StringComparison.Ordinal);

        // The grain survives its exception.
        Assert.Equal("still here", await grain.EchoAsync("still here"));
    }

    [Fact]
    public async Task Exception_thrown_after_an_await_reaches_the_caller_with_its_type_and_message()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IFaultGrain>(3);

        var error = await Assert.ThrowsAsync<GrainFaultException>(() => grain.ThrowAfterAwait("out of stock"));
        Assert.Equal("out of stock", error.Message);
    }

    [Fact]
    public async Task Exception_from_a_grain_calling_another_grain_reaches_the_outer_caller()
    {
        await using var silo = await TestSilo.StartAsync();
        var link = silo.GrainFactory.GetGrain<ILinkGrain>("unlinked");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => link.IncrementTargetAsync());
        Assert.Equal("Not linked.", error.Message);
    }

    [Fact]
    public async Task Failed_activation_fails_the_call_and_the_next_call_activates_again()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IFailingActivationGrain>("flaky");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.HelloAsync());
        Assert.Equal("First activation fails.", error.Message);
        Assert.Equal("hello", await grain.HelloAsync());
    }
}
