using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Runtime.Sql.Tests;

/// <summary>What every dialect's reminder table must do.</summary>
public abstract class ReminderTableContract : IAsyncDisposable
{
    private static readonly GrainId s_order = new("OrderGrain", "order-1");
    private static readonly DateTimeOffset s_start = new(2026, 11, 22, 10, 30, 15, 123, TimeSpan.Zero);
    private readonly List<SqlReminderTable> _tables = [];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract SqlReminderTable NewTable(Action<SqlStorageOptions>? configure = null);

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

    protected SqlReminderTable Track(SqlReminderTable table)
    {
        _tables.Add(table);
        return table;
    }

    [Fact]
    public async Task Upserted_reminder_reads_back_with_its_etag()
    {
        var table = NewTable();

        var eTag = await table.UpsertRowAsync(new ReminderEntry(s_order, "expire", s_start, TimeSpan.FromMinutes(15)), Ct);
        var read = await table.ReadRowAsync(s_order, "expire", Ct);

        Assert.Equal(new ReminderEntry(s_order, "expire", s_start, TimeSpan.FromMinutes(15), eTag), read);
        Assert.Equal("1", eTag);
    }

    [Fact]
    public async Task Start_times_in_other_offsets_are_stored_as_the_same_instant_to_the_millisecond()
    {
        var table = NewTable();
        var local = new DateTimeOffset(2026, 11, 22, 12, 30, 15, 123, TimeSpan.FromHours(2)).AddTicks(4567);

        await table.UpsertRowAsync(new ReminderEntry(s_order, "expire", local, TimeSpan.FromMinutes(1)), Ct);
        var read = await table.ReadRowAsync(s_order, "expire", Ct);

        Assert.Equal(s_start, read!.StartAt);
        Assert.Equal(TimeSpan.Zero, read.StartAt.Offset);
    }

    [Fact]
    public async Task Reading_a_missing_reminder_returns_null()
    {
        var table = NewTable();

        Assert.Null(await table.ReadRowAsync(s_order, "none", Ct));
        Assert.Empty(await table.ReadRowsAsync(s_order, Ct));
    }

    [Fact]
    public async Task Upsert_without_etag_replaces_the_reminder_and_bumps_its_etag()
    {
        var table = NewTable();
        await table.UpsertRowAsync(new ReminderEntry(s_order, "expire", s_start, TimeSpan.FromMinutes(15)), Ct);

        var eTag = await table.UpsertRowAsync(new ReminderEntry(s_order, "expire", s_start.AddHours(1), TimeSpan.FromMinutes(30)), Ct);

        var read = await table.ReadRowAsync(s_order, "expire", Ct);
        Assert.Equal("2", eTag);
        Assert.Equal(s_start.AddHours(1), read!.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(30), read.Period);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task Upsert_with_the_current_etag_updates_and_with_a_stale_one_throws_and_keeps_the_row()
    {
        var table = NewTable();
        var first = await table.UpsertRowAsync(new ReminderEntry(s_order, "expire", s_start, TimeSpan.FromMinutes(15)), Ct);
        var second = await table.UpsertRowAsync(new ReminderEntry(s_order, "expire", s_start, TimeSpan.FromMinutes(20), first), Ct);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => table.UpsertRowAsync(new ReminderEntry(s_order, "expire", s_start, TimeSpan.FromMinutes(99), first), Ct));

        Assert.Equal("2", second);
        Assert.Equal("2", conflict.StoredEtag);
        var read = await table.ReadRowAsync(s_order, "expire", Ct);
        Assert.Equal(TimeSpan.FromMinutes(20), read!.Period);
    }

    [Fact]
    public async Task Upsert_with_an_etag_for_a_missing_reminder_throws()
    {
        var table = NewTable();

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => table.UpsertRowAsync(new ReminderEntry(s_order, "expire", s_start, TimeSpan.FromMinutes(1), "3"), Ct));
        Assert.Null(await table.ReadRowAsync(s_order, "expire", Ct));
    }

    [Fact]
    public async Task Remove_needs_the_current_etag()
    {
        var table = NewTable();
        var first = await table.UpsertRowAsync(new ReminderEntry(s_order, "expire", s_start, TimeSpan.FromMinutes(15)), Ct);
        var second = await table.UpsertRowAsync(new ReminderEntry(s_order, "expire", s_start, TimeSpan.FromMinutes(15)), Ct);

        Assert.False(await table.RemoveRowAsync(s_order, "expire", first, Ct));
        Assert.False(await table.RemoveRowAsync(s_order, "expire", "not-a-version", Ct));
        Assert.NotNull(await table.ReadRowAsync(s_order, "expire", Ct));
        Assert.True(await table.RemoveRowAsync(s_order, "expire", second, Ct));
        Assert.Null(await table.ReadRowAsync(s_order, "expire", Ct));
        Assert.False(await table.RemoveRowAsync(s_order, "expire", second, Ct));
    }

    [Fact]
    public async Task Read_rows_returns_one_grains_reminders_and_read_all_every_grains_in_the_service()
    {
        var table = NewTable();
        var other = new GrainId("OrderGrain", "order-2");
        await table.UpsertRowAsync(new ReminderEntry(s_order, "expire", s_start, TimeSpan.FromMinutes(15)), Ct);
        await table.UpsertRowAsync(new ReminderEntry(s_order, "remind", s_start, TimeSpan.FromMinutes(60)), Ct);
        await table.UpsertRowAsync(new ReminderEntry(other, "expire", s_start, TimeSpan.FromMinutes(15)), Ct);
        var otherService = NewTable(options => options.ServiceId += "-other");
        await otherService.UpsertRowAsync(new ReminderEntry(s_order, "elsewhere", s_start, TimeSpan.FromMinutes(5)), Ct);

        var rows = await table.ReadRowsAsync(s_order, Ct);
        var all = await table.ReadAllAsync(Ct);

        Assert.Equal(["expire", "remind"], rows.Select(r => r.ReminderName).Order());
        Assert.All(rows, r => Assert.Equal(s_order, r.GrainId));
        Assert.Equal(3, all.Count);
        Assert.DoesNotContain(all, r => r.ReminderName == "elsewhere");
        Assert.Single(await otherService.ReadAllAsync(Ct));
    }

    [Fact]
    public async Task Reminders_survive_a_new_table_instance()
    {
        var before = NewTable();
        var eTag = await before.UpsertRowAsync(new ReminderEntry(s_order, "expire", s_start, TimeSpan.FromMinutes(15)), Ct);
        await before.DisposeAsync();

        var after = NewTable();

        Assert.Equal(eTag, (await after.ReadRowAsync(s_order, "expire", Ct))!.ETag);
    }
}
