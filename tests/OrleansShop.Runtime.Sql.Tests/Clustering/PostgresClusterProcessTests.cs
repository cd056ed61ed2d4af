using System.Diagnostics;
using System.Globalization;
using Npgsql;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Sql.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

/// <summary>The real-cluster configuration: silo processes whose membership and grain state share a PostgreSQL database.</summary>
public sealed class PostgresClusterProcessTests(PostgresServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calls_from_both_silos_reach_one_activation_and_a_killed_silos_grains_serve_again_on_the_other()
    {
        await using var cluster = await PostgresSilos.CreateAsync(server, Ct);
        var silos = await cluster.StartAsync(2, ["--cluster", "pg"], Ct);
        var (a, b) = (silos[0], silos[1]);
        var key = await a.RequestAsync("remotekey 1 journal", Ct);
        var addressB = SiloAddress.Parse(await b.RequestAsync("whoami", Ct));
        Assert.Equal(addressB.ToString(), await a.RequestAsync($"owner {key}", Ct));

        // Concurrent appends from both silos: two activations would each count from their own copy, or fail on
        // the state's ETag. (They once stalled a local call for its whole timeout; see the runtime's clustering README.)
        var results = await Task.WhenAll(a.RequestAsync($"appendmany {key} a 15", Ct), b.RequestAsync($"appendmany {key} b 15", Ct));
        Assert.Contains("30", results);

        b.Kill();
        var recovery = TimeSpan.FromMilliseconds(int.Parse(await a.RequestAsync($"recover {key}", Ct), CultureInfo.InvariantCulture));

        Assert.True(recovery < ClusterBounds.Detection, $"the grain served again only after {recovery}");
        var entries = (await a.RequestAsync($"read {key}", Ct)).Split(',');
        Assert.Equal(30, entries.Distinct().Count());
        await using var table = SqlMembershipTable.CreatePostgres("pg", new PostgresStorageOptions { ConnectionString = cluster.Database });
        Assert.Equal(SiloStatus.Dead, (await table.ReadAllAsync(Ct)).Find(addressB)?.Status);
        TestContext.Current.TestOutputHelper?.WriteLine($"PostgreSQL: kill -9 to the first successful call to a former grain: {recovery.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_silo_frozen_past_detection_loses_its_grains_and_its_stale_activation_cannot_overwrite_them()
    {
        await using var cluster = await PostgresSilos.CreateAsync(server, Ct);
        var silos = await cluster.StartAsync(2, ["--cluster", "pg"], Ct);
        var (a, b) = (silos[0], silos[1]);
        var addressB = SiloAddress.Parse(await b.RequestAsync("whoami", Ct));
        var key = await a.RequestAsync("remotekey 4 journal", Ct);
        Assert.Equal("1", await a.RequestAsync($"append {key} first", Ct)); // B's activation holds version 1

        // SIGSTOP: B neither answers probes nor reads the table, but keeps its activation and its view.
        b.Signal(freeze: true);
        await using (var table = SqlMembershipTable.CreatePostgres("pg", new PostgresStorageOptions { ConnectionString = cluster.Database }))
        {
            var clock = Stopwatch.StartNew();
            while ((await table.ReadAllAsync(Ct)).Find(addressB)?.Status != SiloStatus.Dead)
            {
                Assert.True(clock.Elapsed < ClusterBounds.Detection, "the frozen silo was not declared dead in time");
                await Task.Delay(100, Ct);
            }
        }

        await a.RequestAsync("waitactive 1", Ct);
        Assert.Equal("2", await a.RequestAsync($"append {key} second", Ct)); // now on A, from the stored state
        b.Signal(freeze: false);

        await StaleActivation.AssertCannotOverwriteAsync(a, b, key, Ct);
    }

    [Fact]
    public async Task A_silo_cut_off_from_its_database_leaves_the_cluster_and_the_other_takes_its_grains()
    {
        await using var cluster = await PostgresSilos.CreateAsync(server, Ct);

        // B reaches PostgreSQL only through a relay the test can cut: a partition between B and its database.
        var direct = new NpgsqlConnectionStringBuilder(cluster.Database);
        await using var relay = new TcpForwarder(direct.Host!, direct.Port);
        var throughRelay = new NpgsqlConnectionStringBuilder(cluster.Database) { Host = "127.0.0.1", Port = relay.Port }.ConnectionString;
        var silos = await cluster.StartAsync(2, ["--cluster", "pg", "--lease-ms", "3000"], Ct, i => i == 1 ? throughRelay : cluster.Database);
        var (a, b) = (silos[0], silos[1]);
        var key = await a.RequestAsync("remotekey 5 journal", Ct);
        Assert.Equal("1", await a.RequestAsync($"append {key} before", Ct));

        relay.Cut();
        var clock = Stopwatch.StartNew();
        await b.WaitForEventAsync("stopping", ClusterBounds.Exit, Ct);
        var stopped = clock.Elapsed;
        Assert.NotEqual(0, await b.WaitForExitAsync(ClusterBounds.Exit, Ct));
        Assert.True(stopped >= TimeSpan.FromSeconds(1), $"stopped after {stopped}: before its lease could run out");

        // The other silo serves B's grain from the stored state.
        var recovery = TimeSpan.FromMilliseconds(int.Parse(await a.RequestAsync($"recover {key}", Ct), CultureInfo.InvariantCulture));
        Assert.True(recovery < ClusterBounds.Detection, $"the grain served again only after {recovery}");
        Assert.StartsWith("before", await a.RequestAsync($"read {key}", Ct), StringComparison.Ordinal);
        TestContext.Current.TestOutputHelper?.WriteLine($"cut off from the database: stopped serving after {stopped.TotalMilliseconds:0} ms");
    }
}
