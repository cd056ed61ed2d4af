using OrleansShop.Runtime.Clustering;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

/// <summary>What every dialect's membership table must do: rows and version in one read, and compare-and-swap writes.</summary>
public abstract class MembershipTableContract : IAsyncDisposable
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 22, 5, 0, 0, 123, TimeSpan.Zero);
    private readonly List<SqlMembershipTable> _tables = [];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected string ClusterId { get; } = "c" + Guid.NewGuid().ToString("N");

    protected abstract SqlMembershipTable NewTable(string clusterId);

    public async ValueTask DisposeAsync()
    {
        foreach (var table in _tables)
        {
            await table.DisposeAsync();
        }

        await DisposeDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask DisposeDatabaseAsync() => ValueTask.CompletedTask;

    protected SqlMembershipTable Track(SqlMembershipTable table)
    {
        _tables.Add(table);
        return table;
    }

    [Fact]
    public async Task A_new_cluster_reads_as_empty_at_version_zero_and_initializing_again_keeps_it()
    {
        var table = NewTable(ClusterId);
        await table.InitializeAsync(Ct);
        await table.InitializeAsync(Ct);

        var data = await table.ReadAllAsync(Ct);

        Assert.Empty(data.Entries);
        Assert.Equal(0, data.Version);
    }

    [Fact]
    public async Task An_inserted_row_reads_back_whole_and_bumps_the_version()
    {
        var table = await InitializedAsync();
        var votes = new[] { new SuspectVote(Silo(2), s_start.AddSeconds(3)) };
        var entry = Entry(Silo(1), SiloStatus.Joining) with { SuspectVotes = votes };

        Assert.True(await table.InsertRowAsync(entry, 0, Ct));

        var data = await table.ReadAllAsync(Ct);
        Assert.Equal(1, data.Version);
        var read = Assert.Single(data.Entries);
        Assert.Equal(entry.Silo, read.Silo);
        Assert.Equal(entry.SiloName, read.SiloName);
        Assert.Equal(entry.HostName, read.HostName);
        Assert.Equal(SiloStatus.Joining, read.Status);
        Assert.Equal(votes, read.SuspectVotes);
        Assert.Equal(s_start, read.StartTime);
        Assert.Equal(s_start, read.IAmAliveTime);
    }

    [Fact]
    public async Task A_write_at_a_stale_version_is_refused_and_changes_nothing()
    {
        var table = await InitializedAsync();
        Assert.True(await table.InsertRowAsync(Entry(Silo(1), SiloStatus.Active), 0, Ct));

        // Another silo read version 0 too: both its insert and its update lost the race.
        Assert.False(await table.InsertRowAsync(Entry(Silo(2), SiloStatus.Joining), 0, Ct));
        Assert.False(await table.UpdateRowAsync(Entry(Silo(1), SiloStatus.Dead), 0, Ct));

        var data = await table.ReadAllAsync(Ct);
        Assert.Equal(1, data.Version);
        Assert.Equal(SiloStatus.Active, Assert.Single(data.Entries).Status);
    }

    [Fact]
    public async Task An_update_at_the_current_version_replaces_status_and_votes_and_bumps_the_version()
    {
        var table = await InitializedAsync();
        Assert.True(await table.InsertRowAsync(Entry(Silo(1), SiloStatus.Active), 0, Ct));
        Assert.True(await table.InsertRowAsync(Entry(Silo(2), SiloStatus.Active), 1, Ct));
        var votes = new[] { new SuspectVote(Silo(2), s_start.AddSeconds(9)) };

        Assert.True(await table.UpdateRowAsync(Entry(Silo(1), SiloStatus.Dead) with { SuspectVotes = votes }, 2, Ct));

        var data = await table.ReadAllAsync(Ct);
        Assert.Equal(3, data.Version);
        var dead = data.Find(Silo(1))!;
        Assert.Equal(SiloStatus.Dead, dead.Status);
        Assert.Equal(votes, dead.SuspectVotes);
        Assert.Equal(SiloStatus.Active, data.Find(Silo(2))!.Status);
    }

    [Fact]
    public async Task Concurrent_writers_at_one_version_have_exactly_one_winner()
    {
        var table = await InitializedAsync();
        var other = Track(NewTable(ClusterId));

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            (i % 2 == 0 ? table : other).InsertRowAsync(Entry(Silo(i), SiloStatus.Joining), 0, Ct)));

        Assert.Single(results, r => r);
        var data = await table.ReadAllAsync(Ct);
        Assert.Equal(1, data.Version);
        Assert.Single(data.Entries);
    }

    [Fact]
    public async Task A_heartbeat_moves_IAmAlive_only_and_leaves_the_version_alone()
    {
        var table = await InitializedAsync();
        Assert.True(await table.InsertRowAsync(Entry(Silo(1), SiloStatus.Active), 0, Ct));

        await table.UpdateIAmAliveAsync(Silo(1), s_start.AddMinutes(1), Ct);

        var data = await table.ReadAllAsync(Ct);
        Assert.Equal(1, data.Version);
        Assert.Equal(s_start.AddMinutes(1), Assert.Single(data.Entries).IAmAliveTime);
    }

    [Fact]
    public async Task Clusters_sharing_a_database_do_not_see_each_other()
    {
        var table = await InitializedAsync();
        var neighbour = Track(NewTable(ClusterId + "x"));
        await neighbour.InitializeAsync(Ct);
        Assert.True(await neighbour.InsertRowAsync(Entry(Silo(1), SiloStatus.Active), 0, Ct));

        var data = await table.ReadAllAsync(Ct);

        Assert.Empty(data.Entries);
        Assert.Equal(0, data.Version);
    }

    private async Task<SqlMembershipTable> InitializedAsync()
    {
        var table = NewTable(ClusterId);
        await table.InitializeAsync(Ct);
        return table;
    }

    private static SiloAddress Silo(int n) => new("127.0.0.1", 11110 + n, 1_700_000_000_000 + n);

    private static MembershipEntry Entry(SiloAddress silo, SiloStatus status) =>
        new(silo, "silo-" + silo.Port, "host-a", status, [], s_start, s_start);
}
