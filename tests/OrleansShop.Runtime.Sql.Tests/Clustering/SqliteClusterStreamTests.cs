using OrleansShop.Runtime.Sql.Tests.Support;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

/// <summary>
/// Memory streams across silo processes (tests/OrleansShop.Runtime.TestHost) sharing a SQLite membership table: what
/// a grain publishes on one silo reaches the subscribers of every silo, once each, and in the order it was published.
/// </summary>
public sealed class SqliteClusterStreamTests : IAsyncDisposable
{
    private readonly SqliteSilos _cluster = new("s");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task Events_a_grain_publishes_on_one_silo_reach_a_subscriber_on_another_in_order_and_the_local_subscriber_once()
    {
        var (a, addressA, b, _) = await _cluster.StartTwoAsync();
        await a.RequestAsync("subscribe orders", Ct);
        await b.RequestAsync("subscribe orders", Ct);

        Assert.Equal(addressA.ToString(), await a.RequestAsync("produce orders n 300", Ct));

        var expected = ClusterStreamScenarios.Notes("n", 300);
        Assert.Equal(expected, await b.RequestAsync("received orders 300", Ct));
        Assert.Equal(expected, await a.RequestAsync("received orders 300", Ct));

        // A copy of A's own events coming back over the wire would arrive by now, ahead of this one.
        await a.RequestAsync("produce orders last 1", Ct);
        Assert.Equal(expected + ",last0", await b.RequestAsync("received orders 301", Ct));
        Assert.Equal(expected + ",last0", await a.RequestAsync("received orders 301", Ct));
    }

    [Fact]
    public async Task Publishers_on_two_silos_at_once_each_keep_their_order_at_every_subscriber()
    {
        var (a, _, b, _) = await _cluster.StartTwoAsync();
        await a.RequestAsync("subscribe stock", Ct);
        await b.RequestAsync("subscribe stock", Ct);

        await Task.WhenAll(a.RequestAsync("produce stock a 400", Ct), b.RequestAsync("produce stock b 400", Ct));

        foreach (var silo in new[] { a, b })
        {
            ClusterStreamScenarios.AssertEachPublisherInOrder(await silo.RequestAsync("received stock 800", Ct), ("a", 400), ("b", 400));
        }
    }

    [Fact]
    public async Task A_silo_that_joins_later_receives_what_is_published_once_it_is_active()
    {
        var (a, _, b, _) = await _cluster.StartTwoAsync();
        await a.RequestAsync("subscribe late", Ct);
        await a.RequestAsync("produce late before 5", Ct);

        var (c, _) = await _cluster.StartAsync();
        await c.RequestAsync("subscribe late", Ct);
        await SiloProcess.SeeEachOtherAsync(Ct, a, b, c);
        await b.RequestAsync("produce late after 100", Ct);
        await c.RequestAsync("produce late fromc 100", Ct);

        // C was not there for "before"; it gets what B published once it saw C, and its own, each in order.
        ClusterStreamScenarios.AssertEachPublisherInOrder(await c.RequestAsync("received late 200", Ct), ("after", 100), ("fromc", 100));
        ClusterStreamScenarios.AssertEachPublisherInOrder(await a.RequestAsync("received late 205", Ct), ("before", 5), ("after", 100), ("fromc", 100));
    }

    [Fact]
    public async Task A_frozen_peer_neither_blocks_the_publisher_nor_its_local_subscribers()
    {
        var (a, _, b, _) = await _cluster.StartTwoAsync();
        await a.RequestAsync("subscribe burst", Ct);
        await b.RequestAsync("subscribe burst", Ct);

        // More than B's queue on A (8192 messages), the connection's 16 unwritten batches and the sockets' buffers hold
        // (about 1.5 MB of these notes fit in loopback buffers): A must drop for B, not wait. About 150 bursts fit in
        // the time A takes to declare B dead, after which A sends B nothing.
        b.Signal(freeze: true);
        const int Bursts = 100;
        for (var i = 0; i < Bursts; i++)
        {
            await a.RequestAsync($"produce burst x{i}x 1000", Ct);

            // One burst at a time: a subscriber more than 1024 items behind is cut off, by design.
            Assert.Equal(((i + 1) * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture), await a.RequestAsync($"count burst {(i + 1) * 1000}", Ct));
        }

        ClusterStreamScenarios.AssertEachPublisherInOrder(
            await a.RequestAsync($"received burst {Bursts * 1000}", Ct),
            [.. Enumerable.Range(0, Bursts).Select(i => ($"x{i}x", 1000))]);
    }
}
