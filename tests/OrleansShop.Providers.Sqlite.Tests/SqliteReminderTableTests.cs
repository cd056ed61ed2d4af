using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OrleansShop.Providers.Sqlite.Tests.Support;

namespace OrleansShop.Providers.Sqlite.Tests;

public sealed class SqliteReminderTableTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private SqliteReminderTable _table = null!;

    public async ValueTask InitializeAsync()
    {
        _table = Create("reminders-service");
        await _table.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _table.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Upsert_returns_a_new_etag_each_time_and_read_row_returns_the_entry_as_stored()
    {
        var grain = GrainId.Create("timer", "a");
        var startAt = new DateTime(2026, 11, 22, 10, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567);

        var first = await _table.UpsertRow(Entry(grain, "tick", startAt, TimeSpan.FromMinutes(5)));
        var second = await _table.UpsertRow(Entry(grain, "tick", startAt, TimeSpan.FromMinutes(7)));

        Assert.NotNull(first);
        Assert.NotEqual(first, second);
        var row = await _table.ReadRow(grain, "tick");
        Assert.NotNull(row);
        Assert.Equal(grain, row.GrainId);
        Assert.Equal("tick", row.ReminderName);
        Assert.Equal(startAt, row.StartAt);
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(TimeSpan.FromMinutes(7), row.Period);
        Assert.Equal(second, row.ETag);
        Assert.Null(await _table.ReadRow(grain, "missing"));
    }

    [Fact]
    public async Task Read_rows_by_grain_returns_only_that_grains_reminders()
    {
        var a = GrainId.Create("timer", "a");
        var b = GrainId.Create("timer", "b");
        await _table.UpsertRow(Entry(a, "one"));
        await _table.UpsertRow(Entry(a, "two"));
        await _table.UpsertRow(Entry(b, "one"));

        var rows = await _table.ReadRows(a);

        Assert.Equal(["one", "two"], rows.Reminders.Select(r => r.ReminderName).Order());
        Assert.All(rows.Reminders, r => Assert.Equal(a, r.GrainId));
    }

    [Fact]
    public async Task Read_rows_by_range_takes_hashes_above_begin_up_to_end_and_wraps_when_begin_is_not_below_end()
    {
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("timer", $"g{i}")).ToList();
        foreach (var grain in grains)
        {
            await _table.UpsertRow(Entry(grain, "r"));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        var begin = hashes[10];
        var end = hashes[30];

        var inside = await _table.ReadRows(begin, end);
        Assert.Equal(hashes.Where(h => h > begin && h <= end).Order(), inside.Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order());

        var wrapped = await _table.ReadRows(end, begin);
        Assert.Equal(hashes.Where(h => h > end || h <= begin).Order(), wrapped.Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order());

        var everything = await _table.ReadRows(begin, begin);
        Assert.Equal(grains.Count, everything.Reminders.Count);
    }

    [Fact]
    public async Task Remove_row_needs_the_current_etag()
    {
        var grain = GrainId.Create("timer", "remove");
        var old = await _table.UpsertRow(Entry(grain, "r"));
        var current = await _table.UpsertRow(Entry(grain, "r"));

        Assert.False(await _table.RemoveRow(grain, "r", old!));
        Assert.False(await _table.RemoveRow(grain, "r", "not-an-etag"));
        Assert.NotNull(await _table.ReadRow(grain, "r"));

        Assert.True(await _table.RemoveRow(grain, "r", current!));
        Assert.Null(await _table.ReadRow(grain, "r"));
        Assert.False(await _table.RemoveRow(grain, "r", current!));
    }

    [Fact]
    public async Task Clear_table_removes_this_services_reminders_only_and_services_do_not_see_each_other()
    {
        var grain = GrainId.Create("timer", "shared");
        await using var other = Create("other-service");
        await _table.UpsertRow(Entry(grain, "r"));
        await other.UpsertRow(Entry(grain, "r"));

        Assert.Single((await other.ReadRows(0, 0)).Reminders);
        await _table.TestOnlyClearTable();

        Assert.Empty((await _table.ReadRows(grain)).Reminders);
        Assert.Single((await other.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task Reminders_and_grain_state_in_one_file_write_concurrently_and_survive_reopening()
    {
        var writes = new List<Task>();
        await using (var storage = StorageHarness.Create(_database.Path, serviceId: "reminders-service"))
        {
            for (var i = 0; i < 100; i++)
            {
                writes.Add(_table.UpsertRow(Entry(GrainId.Create("timer", $"mixed-{i}"), "r")));
                writes.Add(storage.WriteStateAsync("counter", StorageHarness.Grain($"mixed-{i}"), StorageHarness.State(new CounterState { Count = i })));
            }

            await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }

        await _table.DisposeAsync();
        _table = Create("reminders-service");
        Assert.Equal(100, (await _table.ReadRows(0, 0)).Reminders.Count);
    }

    private SqliteReminderTable Create(string serviceId) => new(
        Options.Create(new ClusterOptions { ClusterId = "test", ServiceId = serviceId }),
        Options.Create(new SqliteReminderTableOptions { DatabasePath = _database.Path }));

    private static ReminderEntry Entry(GrainId grain, string name, DateTime? startAt = null, TimeSpan? period = null) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = startAt ?? DateTime.UtcNow,
        Period = period ?? TimeSpan.FromMinutes(1),
    };
}
