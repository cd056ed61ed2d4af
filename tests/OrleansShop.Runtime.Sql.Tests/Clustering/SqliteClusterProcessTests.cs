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
    // Generous for a busy CI machine; the defaults detect a crash in about 4 s.
    private static readonly TimeSpan s_detectionBound = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan s_exitBound = TimeSpan.FromSeconds(30);

    private readonly TemporaryDirectory _directory = new();
    private readonly string _clusterId = "c" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<SiloProcess> _silos = [];
    private SqlMembershipTable? _table;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        if (_table is not null)
        {
            await _table.DisposeAsync();
        }

        _directory.Dispose();
    }

    [Fact]
    public async Task Silos_join_as_active_rows_and_a_clean_leave_marks_the_row_dead()
    {
        var (a, addressA) = await StartSiloAsync();
        var (b, addressB) = await StartSiloAsync();

        var joined = await Table().ReadAllAsync(Ct);
        Assert.Equal(SiloStatus.Active, joined.Find(addressA)?.Status);
        Assert.Equal(SiloStatus.Active, joined.Find(addressB)?.Status);
        Assert.Equal(2, joined.Entries.Count);
        Assert.Equal(4, joined.Version); // each silo: insert Joining, then update to Active

        Assert.Equal(0, await a.StopAsync(s_exitBound, Ct));

        var left = await Table().ReadAllAsync(Ct);
        Assert.Equal(SiloStatus.Dead, left.Find(addressA)?.Status);
        Assert.Equal(SiloStatus.Active, left.Find(addressB)?.Status);
        Assert.Empty(left.Find(addressA)!.SuspectVotes); // it left: nobody had to vote
        Assert.Equal("1", await b.RequestAsync("append journal after-leave", Ct));
    }

    [Fact]
    public async Task A_killed_silo_is_voted_dead_by_the_survivor_within_the_detection_time()
    {
        var (_, survivor) = await StartSiloAsync();
        var (victim, killed) = await StartSiloAsync();

        var clock = Stopwatch.StartNew();
        victim.Kill();
        var data = await WaitForAsync(d => d.Find(killed)?.Status == SiloStatus.Dead, s_detectionBound);
        var detection = clock.Elapsed;

        var dead = data.Find(killed)!;
        Assert.Contains(dead.SuspectVotes, v => v.Voter == survivor);
        Assert.Equal(SiloStatus.Active, data.Find(survivor)?.Status);
        TestContext.Current.TestOutputHelper?.WriteLine($"kill -9 to Dead in the table: {detection.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_silo_declared_dead_by_the_cluster_stops_serving()
    {
        var (silo, address) = await StartSiloAsync();

        // The verdict of other silos, written as they would: a conditional update of its row.
        var table = Table();
        var data = await table.ReadAllAsync(Ct);
        Assert.True(await table.UpdateRowAsync(data.Find(address)! with { Status = SiloStatus.Dead }, data.Version, Ct));

        await silo.WaitForEventAsync("stopping", s_exitBound, Ct);
        Assert.NotEqual(0, await silo.WaitForExitAsync(s_exitBound, Ct));
        Assert.Equal(SiloStatus.Dead, (await table.ReadAllAsync(Ct)).Find(address)?.Status);
    }

    [Fact]
    public async Task A_silo_that_cannot_write_its_heartbeat_for_its_lease_stops_serving()
    {
        var (silo, _) = await StartSiloAsync("--lease-ms", "2000");

        // Another process holds the database's write lock: every write of the silo waits, then fails.
        await using var blocker = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, "orleansshop.db")};Pooling=False");
        await blocker.OpenAsync(Ct);
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync(Ct);
        }

        var clock = Stopwatch.StartNew();
        await silo.WaitForEventAsync("stopping", s_exitBound, Ct);
        var stopped = clock.Elapsed;
        await using (var rollback = blocker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync(Ct);
        }

        Assert.NotEqual(0, await silo.WaitForExitAsync(s_exitBound, Ct));
        Assert.True(stopped >= TimeSpan.FromSeconds(1), $"stopped after {stopped}: before any lease could run out");
    }

    private async Task<(SiloProcess Silo, SiloAddress Address)> StartSiloAsync(params string[] arguments)
    {
        var silo = await SiloProcess.StartAsync(_directory.Path, null, ["--cluster", _clusterId, .. arguments], Ct);
        _silos.Add(silo);
        return (silo, SiloAddress.Parse(await silo.RequestAsync("whoami", Ct)));
    }

    private SqlMembershipTable Table() =>
        _table ??= SqlMembershipTable.CreateSqlite(_clusterId, new SqliteStorageOptions { DataDirectory = _directory.Path, ReadConnections = 1 });

    private async Task<MembershipTableData> WaitForAsync(Func<MembershipTableData, bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var data = await Table().ReadAllAsync(Ct);
            if (condition(data))
            {
                return data;
            }

            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"The membership table did not reach the expected state within {timeout}: {string.Join(", ", data.Entries.Select(e => $"{e.Silo} {e.Status}"))}");
            }

            await Task.Delay(100, Ct);
        }
    }
}
