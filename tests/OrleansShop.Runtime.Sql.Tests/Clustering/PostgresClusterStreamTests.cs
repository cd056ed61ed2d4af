using OrleansShop.Runtime.Sql.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

/// <summary>Memory streams across silo processes whose membership table (and grain state) is in PostgreSQL.</summary>
public sealed class PostgresClusterStreamTests(PostgresServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_published_on_either_silo_reach_the_subscribers_of_both_each_publisher_in_order()
    {
        await using var cluster = await PostgresSilos.CreateAsync(server, Ct);
        var silos = await cluster.StartAsync(2, ["--cluster", "pg-streams"], Ct);
        var (a, b) = (silos[0], silos[1]);
        await a.RequestAsync("subscribe stock", Ct);
        await b.RequestAsync("subscribe stock", Ct);

        Assert.Equal(await a.RequestAsync("whoami", Ct), await a.RequestAsync("produce stock a 200", Ct));
        Assert.Equal(await b.RequestAsync("whoami", Ct), await b.RequestAsync("produce stock b 200", Ct));

        ClusterStreamScenarios.AssertEachPublisherInOrder(await a.RequestAsync("received stock 400", Ct), ("a", 200), ("b", 200));
        ClusterStreamScenarios.AssertEachPublisherInOrder(await b.RequestAsync("received stock 400", Ct), ("a", 200), ("b", 200));
    }
}
