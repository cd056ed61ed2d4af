using OrleansShop.Runtime.Sql.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

/// <summary>Memory streams across silo processes whose membership table (and grain state) is in PostgreSQL.</summary>
public sealed class PostgresClusterStreamTests(PostgresServerFixture server) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Events_published_on_either_silo_reach_the_subscribers_of_both_each_publisher_in_order()
    {
        server.RequireServer();
        var database = await server.CreateDatabaseAsync(Ct);
        try
        {
            string[] arguments = ["--cluster", "pg-streams"];
            await using var a = await SiloProcess.StartAsync(Path.Combine(_directory.Path, "a"), database, arguments, Ct);
            await using var b = await SiloProcess.StartAsync(Path.Combine(_directory.Path, "b"), database, arguments, Ct);
            await ClusterStreamScenarios.SeeEachOtherAsync(Ct, a, b);
            await a.RequestAsync("subscribe stock", Ct);
            await b.RequestAsync("subscribe stock", Ct);

            Assert.Equal(await a.RequestAsync("whoami", Ct), await a.RequestAsync("produce stock a 200", Ct));
            Assert.Equal(await b.RequestAsync("whoami", Ct), await b.RequestAsync("produce stock b 200", Ct));

            ClusterStreamScenarios.AssertEachPublisherInOrder(await a.RequestAsync("received stock 400", Ct), ("a", 200), ("b", 200));
            ClusterStreamScenarios.AssertEachPublisherInOrder(await b.RequestAsync("received stock 400", Ct), ("a", 200), ("b", 200));
        }
        finally
        {
            await server.DropDatabaseAsync(database, CancellationToken.None);
        }
    }
}
