using System.Globalization;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Sql.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

/// <summary>The real-cluster configuration: silo processes whose membership and grain state share a PostgreSQL database.</summary>
public sealed class PostgresClusterProcessTests(PostgresServerFixture server) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Calls_from_both_silos_reach_one_activation_and_a_killed_silos_grains_serve_again_on_the_other()
    {
        server.RequireServer();
        var database = await server.CreateDatabaseAsync(Ct);
        try
        {
            string[] arguments = ["--cluster", "pg"];
            await using var a = await SiloProcess.StartAsync(Path.Combine(_directory.Path, "a"), database, arguments, Ct);
            await using var b = await SiloProcess.StartAsync(Path.Combine(_directory.Path, "b"), database, arguments, Ct);
            await a.RequestAsync("waitactive 2", Ct);
            await b.RequestAsync("waitactive 2", Ct);
            var key = await a.RequestAsync("remotekey 1 journal", Ct);
            var addressB = SiloAddress.Parse(await b.RequestAsync("whoami", Ct));
            Assert.Equal(addressB.ToString(), await a.RequestAsync($"owner {key}", Ct));

            // Concurrent appends from both silos: two activations would each count from their own copy, or fail on
            // the state's ETag. (They once stalled a local call for its whole timeout; see the runtime's clustering README.)
            var results = await Task.WhenAll(a.RequestAsync($"appendmany {key} a 15", Ct), b.RequestAsync($"appendmany {key} b 15", Ct));
            Assert.Contains("30", results);

            b.Kill();
            var recovery = TimeSpan.FromMilliseconds(int.Parse(await a.RequestAsync($"recover {key}", Ct), CultureInfo.InvariantCulture));

            Assert.True(recovery < TimeSpan.FromSeconds(20), $"the grain served again only after {recovery}");
            var entries = (await a.RequestAsync($"read {key}", Ct)).Split(',');
            Assert.Equal(30, entries.Distinct().Count());
            await using var table = SqlMembershipTable.CreatePostgres("pg", new PostgresStorageOptions { ConnectionString = database });
            Assert.Equal(SiloStatus.Dead, (await table.ReadAllAsync(Ct)).Find(addressB)?.Status);
            TestContext.Current.TestOutputHelper?.WriteLine($"PostgreSQL: kill -9 to the first successful call to a former grain: {recovery.TotalMilliseconds:0} ms");
        }
        finally
        {
            await server.DropDatabaseAsync(database, CancellationToken.None);
        }
    }
}
