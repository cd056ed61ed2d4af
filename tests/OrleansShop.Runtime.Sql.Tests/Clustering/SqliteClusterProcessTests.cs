using System.Diagnostics;
using Microsoft.Data.Sqlite;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Sql.Tests.Support;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

/// <summary>
/// Silo processes (tests/OrleansShop.Runtime.TestHost) on loopback forming one cluster through a shared SQLite file:
/// the membership table as they join, leave, crash, lose the database, or are declared dead.
/// </summary>
public sealed class SqliteClusterProcessTests : IAsyncDisposable
{
    private readonly SqliteSilos _cluster = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task Silos_join_as_active_rows_and_a_clean_leave_marks_the_row_dead()
    {
        var (a, addressA) = await _cluster.StartAsync();
        var (b, addressB) = await _cluster.StartAsync();

        var joined = await _cluster.Table().ReadAllAsync(Ct);
        Assert.Equal(SiloStatus.Active, joined.Find(addressA)?.Status);
        Assert.Equal(SiloStatus.Active, joined.Find(addressB)?.Status);
        Assert.Equal(2, joined.Entries.Count);
        Assert.Equal(4, joined.Version); // each silo: insert Joining, then update to Active

        Assert.Equal(0, await a.StopAsync(ClusterBounds.Exit, Ct));

        var left = await _cluster.Table().ReadAllAsync(Ct);
        Assert.Equal(SiloStatus.Dead, left.Find(addressA)?.Status);
        Assert.Equal(SiloStatus.Active, left.Find(addressB)?.Status);
        Assert.Empty(left.Find(addressA)!.SuspectVotes); // it left: nobody had to vote
        Assert.Equal("1", await b.RequestAsync("append journal after-leave", Ct));
    }

    [Fact]
    public async Task A_killed_silo_is_voted_dead_by_the_survivor_within_the_detection_time()
    {
        var (_, survivor) = await _cluster.StartAsync();
        var (victim, killed) = await _cluster.StartAsync();

        var clock = Stopwatch.StartNew();
        victim.Kill();
        var data = await _cluster.WaitForAsync(d => d.Find(killed)?.Status == SiloStatus.Dead, ClusterBounds.Detection);
        var detection = clock.Elapsed;

        var dead = data.Find(killed)!;
        Assert.Contains(dead.SuspectVotes, v => v.Voter == survivor);
        Assert.Equal(SiloStatus.Active, data.Find(survivor)?.Status);
        TestContext.Current.TestOutputHelper?.WriteLine($"kill -9 to Dead in the table: {detection.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_silo_declared_dead_by_the_cluster_stops_serving()
    {
        var (silo, address) = await _cluster.StartAsync();

        // The verdict of other silos, written as they would: a conditional update of its row.
        var table = _cluster.Table();
        var data = await table.ReadAllAsync(Ct);
        Assert.True(await table.UpdateRowAsync(data.Find(address)! with { Status = SiloStatus.Dead }, data.Version, Ct));

        await silo.WaitForEventAsync("stopping", ClusterBounds.Exit, Ct);
        Assert.NotEqual(0, await silo.WaitForExitAsync(ClusterBounds.Exit, Ct));
        Assert.Equal(SiloStatus.Dead, (await table.ReadAllAsync(Ct)).Find(address)?.Status);
    }

    [Fact]
    public async Task A_silo_that_cannot_write_its_heartbeat_for_its_lease_stops_serving()
    {
        var (silo, _) = await _cluster.StartAsync("--lease-ms", "2000");

        // Another process holds the database's write lock: every write of the silo waits, then fails.
        await using var blocker = new SqliteConnection($"Data Source={Path.Combine(_cluster.DataDirectory, "orleansshop.db")};Pooling=False");
        await blocker.OpenAsync(Ct);
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync(Ct);
        }

        var clock = Stopwatch.StartNew();
        await silo.WaitForEventAsync("stopping", ClusterBounds.Exit, Ct);
        var stopped = clock.Elapsed;
        await using (var rollback = blocker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync(Ct);
        }

        Assert.NotEqual(0, await silo.WaitForExitAsync(ClusterBounds.Exit, Ct));
        Assert.True(stopped >= TimeSpan.FromSeconds(1), $"stopped after {stopped}: before any lease could run out");
    }

    [Fact]
    public async Task Calls_through_either_silo_reach_the_one_activation_and_every_append_counts_once()
    {
        var (a, addressA, b, addressB) = await _cluster.StartTwoAsync();
        var key = await a.RequestAsync("remotekey 1 journal", Ct);
        Assert.Equal(addressB.ToString(), await a.RequestAsync($"owner {key}", Ct));
        Assert.Equal(addressB.ToString(), await b.RequestAsync($"owner {key}", Ct));

        // Concurrent appends from both silos: two activations would lose updates or fail on the state's ETag.
        var results = await Task.WhenAll(a.RequestAsync($"appendmany {key} a 40", Ct), b.RequestAsync($"appendmany {key} b 40", Ct));

        Assert.Contains("80", results);
        var entries = (await a.RequestAsync($"read {key}", Ct)).Split(',');
        Assert.Equal(80, entries.Length);
        Assert.Equal(80, entries.Distinct().Count());
        Assert.Equal(entries, (await b.RequestAsync($"read {key}", Ct)).Split(','));
        Assert.NotEqual(addressA, addressB);
    }

    [Fact]
    public async Task A_remote_call_runs_on_the_owner_and_carries_the_request_context()
    {
        var (a, addressA, b, addressB) = await _cluster.StartTwoAsync();
        var key = await a.RequestAsync("remotekey 2 ping", Ct);

        Assert.Equal($"{addressB} trace-42", await a.RequestAsync($"where {key} trace-42", Ct));
        Assert.NotEqual(addressA, addressB);
    }

    [Fact]
    public async Task Grains_of_a_killed_silo_serve_again_on_the_survivor_with_their_stored_state()
    {
        var (survivor, _, victim, _) = await _cluster.StartTwoAsync();
        var key = await survivor.RequestAsync("remotekey 3 journal", Ct);
        Assert.Equal("1", await survivor.RequestAsync($"append {key} before-kill", Ct));

        victim.Kill();
        var recovery = TimeSpan.FromMilliseconds(int.Parse(await survivor.RequestAsync($"recover {key}", Ct), System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(recovery < ClusterBounds.Detection, $"the grain served again only after {recovery}");
        Assert.Equal("before-kill", await survivor.RequestAsync($"read {key}", Ct));
        Assert.Equal("2", await survivor.RequestAsync($"append {key} after-kill", Ct));
        TestContext.Current.TestOutputHelper?.WriteLine($"kill -9 to the first successful call to a former grain: {recovery.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_silo_frozen_past_detection_loses_its_grains_and_its_stale_activation_cannot_overwrite_them()
    {
        var (a, _, b, addressB) = await _cluster.StartTwoAsync();
        var key = await a.RequestAsync("remotekey 4 journal", Ct);
        Assert.Equal("1", await a.RequestAsync($"append {key} first", Ct)); // B's activation now holds version 1

        b.Signal(freeze: true);
        await _cluster.WaitForAsync(d => d.Find(addressB)?.Status == SiloStatus.Dead, ClusterBounds.Detection);
        await a.RequestAsync("waitactive 1", Ct);
        Assert.Equal("2", await a.RequestAsync($"append {key} second", Ct)); // now on A, from the stored state
        b.Signal(freeze: false);

        var staleReply = await StaleActivation.AssertCannotOverwriteAsync(a, b, key, Ct);
        if (staleReply is not null)
        {
            Assert.Equal("3", staleReply);
        }
    }

    [Fact]
    public async Task Grains_that_moved_to_a_joining_silo_and_back_serve_their_latest_state()
    {
        var (a, _) = await _cluster.StartAsync();
        var keys = Enumerable.Range(0, 16).Select(i => $"moving-{i}").ToArray();
        foreach (var key in keys)
        {
            Assert.Equal("1", await a.RequestAsync($"append {key} one", Ct)); // every activation on A, alone
        }

        var (b, _) = await _cluster.StartAsync();
        await SiloProcess.SeeEachOtherAsync(Ct, a, b);
        foreach (var key in keys)
        {
            Assert.Equal("2", await b.RequestAsync($"append {key} two", Ct)); // about half now run on B
        }

        // Back on A: an activation A kept from before B joined would still hold "one" and fail its write.
        b.Kill();
        await a.RequestAsync("waitactive 1", Ct);
        foreach (var key in keys)
        {
            Assert.Equal("3", await a.RequestAsync($"append {key} three", Ct));
            Assert.Equal("one,two,three", await a.RequestAsync($"read {key}", Ct));
        }
    }
}
