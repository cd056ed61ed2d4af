using Microsoft.Extensions.DependencyInjection;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Streams;
using OrleansShop.Runtime.Tests.Grains;
using OrleansShop.Runtime.Tests.Hosting;

namespace OrleansShop.Runtime.Tests.Streams;

public sealed class StreamTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_subscriber_gets_every_item_in_publish_order_and_other_streams_get_none()
    {
        await using var silo = await StartAsync();
        var stream = Numbers(silo, "ordered");
        var first = new RecordingObserver<int>();
        var second = new RecordingObserver<int>();
        var elsewhere = new RecordingObserver<int>();
        await stream.SubscribeAsync(first);
        await stream.SubscribeAsync(second);
        await Numbers(silo, "other").SubscribeAsync(elsewhere);

        // Concurrent publishers: each subscriber must still see one order, the same for both.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(p => Task.Run(
            async () =>
            {
                for (var i = 0; i < 250; i++)
                {
                    await stream.OnNextAsync((p * 1000) + i);
                }
            },
            Cancel)));

        await first.WaitForCallsAsync(1000);
        await second.WaitForCallsAsync(1000);
        Assert.Equal(first.Items, second.Items);
        for (var p = 0; p < 4; p++)
        {
            Assert.Equal(Enumerable.Range(p * 1000, 250), first.Items.Where(i => i / 1000 == p));
        }

        Assert.False(first.Overlapped);
        Assert.Equal(0, elsewhere.Calls);
    }

    [Fact]
    public async Task Unsubscribed_observer_gets_nothing_more_and_its_handle_is_gone()
    {
        await using var silo = await StartAsync();
        var stream = Numbers(silo, "unsubscribe");
        var leaving = new RecordingObserver<int>();
        var staying = new RecordingObserver<int>();
        var handle = await stream.SubscribeAsync(leaving);
        await stream.SubscribeAsync(staying);
        await stream.OnNextAsync(1);
        await leaving.WaitForCallsAsync(1);

        await handle.UnsubscribeAsync();
        Assert.Single(await stream.GetAllSubscriptionHandles());
        await stream.OnNextAsync(2);
        await staying.WaitForCallsAsync(2);

        Assert.Equal([1], leaving.Items);
        Assert.Equal([1, 2], staying.Items);
        await handle.UnsubscribeAsync();
    }

    [Fact]
    public async Task A_slow_subscriber_holds_up_neither_the_publisher_nor_the_other_subscribers()
    {
        await using var silo = await StartAsync();
        var stream = Numbers(silo, "slow");
        var slow = new RecordingObserver<int>(held: true);
        var fast = new RecordingObserver<int>();
        await stream.SubscribeAsync(slow);
        await stream.SubscribeAsync(fast);

        for (var i = 0; i < 100; i++)
        {
            Assert.True(stream.OnNextAsync(i).IsCompletedSuccessfully, "publishing waited for a subscriber");
        }

        await fast.WaitForCallsAsync(100);
        Assert.Empty(slow.Items);

        slow.Release();
        await slow.WaitForCallsAsync(100);
        Assert.Equal(Enumerable.Range(0, 100), slow.Items);
    }

    [Fact]
    public async Task A_subscriber_that_falls_a_full_buffer_behind_gets_what_it_had_then_an_overflow_error_and_nothing_more()
    {
        await using var silo = await StartAsync(o => o.SubscriberBufferCapacity = 4);
        var stream = Numbers(silo, "overflow");
        var slow = new RecordingObserver<int>(held: true);
        var fast = new RecordingObserver<int>();
        await stream.SubscribeAsync(slow);
        await stream.SubscribeAsync(fast);

        for (var i = 1; i <= 10; i++)
        {
            await stream.OnNextAsync(i);
            await fast.WaitForCallsAsync(i);
        }

        slow.Release();
        var error = await slow.Error.WaitAsync(TimeSpan.FromSeconds(10), Cancel);

        Assert.IsType<StreamBufferOverflowException>(error);
        Assert.Equal(Enumerable.Range(1, slow.Items.Count), slow.Items);
        Assert.InRange(slow.Items.Count, 4, 5); // the buffer, plus the item already taken when the subscriber stalled
        Assert.Single(await stream.GetAllSubscriptionHandles());
        Assert.Equal(Enumerable.Range(1, 10), fast.Items);
    }

    [Fact]
    public async Task A_failing_subscriber_fails_neither_the_publisher_nor_its_own_later_items()
    {
        await using var silo = await StartAsync();
        var stream = Numbers(silo, "failing");
        var failing = new RecordingObserver<int>(failOn: i => i == 2);
        var healthy = new RecordingObserver<int>();
        await stream.SubscribeAsync(failing);
        await stream.SubscribeAsync(healthy);

        await stream.OnNextAsync(1);
        await stream.OnNextAsync(2);
        await stream.OnNextAsync(3);

        await failing.WaitForCallsAsync(3);
        await healthy.WaitForCallsAsync(3);
        Assert.Equal([1, 3], failing.Items);
        Assert.Equal([1, 2, 3], healthy.Items);
        Assert.False(failing.Error.IsCompleted);
    }

    [Fact]
    public async Task A_grain_subscriber_gets_items_in_its_own_turns_never_inside_another_call()
    {
        var probe = new TestProbe();
        await using var silo = await StartAsync(probe: probe);
        var grain = silo.GrainFactory.GetGrain<IStreamGrain>("consumer");
        await grain.SubscribeAsync("turns");
        var holding = grain.HoldAsync();
        await probe.WaitFor("consumer holding");

        var stream = Numbers(silo, "turns");
        for (var i = 1; i <= 3; i++)
        {
            await stream.OnNextAsync(i);
        }

        await Task.Delay(100, Cancel);
        Assert.DoesNotContain(probe.Events, e => e.Contains(" got ", StringComparison.Ordinal));

        probe.Signal("release").TrySetResult();
        await holding;
        await probe.WaitFor("consumer got 3");
        Assert.Equal([1, 2, 3], await grain.GetReceivedAsync());
        Assert.DoesNotContain(probe.Events, e => e.EndsWith("inside another call", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_grain_unsubscribing_or_deactivating_stops_its_deliveries()
    {
        var probe = new TestProbe();
        await using var silo = await StartAsync(probe: probe);
        var leaving = silo.GrainFactory.GetGrain<IStreamGrain>("leaving");
        var sleeping = silo.GrainFactory.GetGrain<IStreamGrain>("sleeping");
        await leaving.SubscribeAsync("stops");
        await sleeping.SubscribeAsync("stops");
        var stream = Numbers(silo, "stops");
        await stream.OnNextAsync(1);
        await probe.WaitFor("leaving got 1");
        await probe.WaitFor("sleeping got 1");

        await leaving.UnsubscribeAsync("stops");
        await sleeping.DeactivateAsync();
        await stream.OnNextAsync(2);
        var watcher = new RecordingObserver<int>();
        await stream.SubscribeAsync(watcher);
        await stream.OnNextAsync(3);
        await watcher.WaitForCallsAsync(1);
        await Task.Delay(100, Cancel);

        Assert.Equal([1], await leaving.GetReceivedAsync());
        Assert.Empty(await sleeping.GetReceivedAsync()); // a new activation: the old one's subscription ended with it
        Assert.Equal(1, probe.Count("sleeping got 1"));
        Assert.Equal(0, probe.Count("sleeping got 2") + probe.Count("sleeping got 3"));
    }

    [Fact]
    public async Task A_grain_publishes_to_subscribers_outside_grains()
    {
        await using var silo = await StartAsync();
        var observer = new RecordingObserver<int>();
        await Numbers(silo, "from-grain").SubscribeAsync(observer);

        await silo.GrainFactory.GetGrain<IStreamGrain>("publisher").PublishAsync("from-grain", 1, 50);

        await observer.WaitForCallsAsync(50);
        Assert.Equal(Enumerable.Range(1, 50), observer.Items);
    }

    [Fact]
    public async Task Stopping_the_silo_completes_every_subscriber()
    {
        var silo = await StartAsync();
        var observer = new RecordingObserver<int>();
        var stream = Numbers(silo, "stop");
        await stream.SubscribeAsync(observer);
        await stream.OnNextAsync(7);

        await silo.DisposeAsync();

        await observer.Completed.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        Assert.Equal([7], observer.Items);
    }

    [Fact]
    public void An_unregistered_provider_is_a_clear_error()
    {
        var services = new ServiceCollection().BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => services.GetStreamProvider("missing"));

        Assert.Contains("AddMemoryStreams(\"missing\")", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_providers_with_one_name_are_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(configure: silo => silo.AddMemoryStreams(StreamGrain.Provider)));

        Assert.Contains(StreamGrain.Provider, error.Message, StringComparison.Ordinal);
    }

    private static IAsyncStream<int> Numbers(TestSilo silo, string key) =>
        silo.Services.GetStreamProvider(StreamGrain.Provider).GetStream<int>(StreamId.Create(StreamGrain.Namespace, key));

    private static Task<TestSilo> StartAsync(Action<StreamProviderOptions>? options = null, TestProbe? probe = null, Action<ISiloBuilder>? configure = null) =>
        TestSilo.StartAsync(
            silo =>
            {
                silo.AddMemoryStreams(StreamGrain.Provider, options);
                configure?.Invoke(silo);
            },
            probe);
}
