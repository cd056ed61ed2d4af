using Microsoft.Data.Sqlite;
using Orleans.Storage;
using OrleansShop.Providers.Sqlite.Tests.Support;
using static OrleansShop.Providers.Sqlite.Tests.Support.StorageHarness;

namespace OrleansShop.Providers.Sqlite.Tests;

public sealed class SqliteGrainStorageTests : IDisposable
{
    private const string StateName = "counter";
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Read_of_a_missing_row_has_no_record_and_no_etag()
    {
        await using var storage = Create(_database.Path);
        var state = State(new CounterState { Count = 99 }, eTag: "7");

        await storage.ReadStateAsync(StateName, Grain("missing"), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(0, state.State.Count);
    }

    [Fact]
    public async Task Each_write_issues_the_next_version_as_etag_and_reads_return_it()
    {
        await using var storage = Create(_database.Path);
        var grain = Grain("a");
        var state = State(new CounterState { Count = 1, Note = "first" });

        await storage.WriteStateAsync(StateName, grain, state);
        Assert.Equal("1", state.ETag);
        Assert.True(state.RecordExists);

        state.State.Count = 2;
        await storage.WriteStateAsync(StateName, grain, state);
        Assert.Equal("2", state.ETag);

        var read = State(new CounterState());
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.True(read.RecordExists);
        Assert.Equal("2", read.ETag);
        Assert.Equal(2, read.State.Count);
        Assert.Equal("first", read.State.Note);
    }

    [Fact]
    public async Task Stale_or_missing_etag_throws_and_changes_nothing()
    {
        await using var storage = Create(_database.Path);
        var grain = Grain("b");
        var state = State(new CounterState { Count = 1 });
        await storage.WriteStateAsync(StateName, grain, state);
        await storage.WriteStateAsync(StateName, grain, state);

        var stale = State(new CounterState { Count = 100 }, eTag: "1");
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, stale));
        Assert.Equal("2", conflict.StoredEtag);
        Assert.Equal("1", conflict.CurrentEtag);

        var none = State(new CounterState { Count = 200 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, none));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grain, State(new CounterState(), eTag: "1")));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, State(new CounterState(), eTag: "not-a-version")));

        var read = State(new CounterState());
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal("2", read.ETag);
        Assert.Equal(1, read.State.Count);
    }

    [Fact]
    public async Task Clear_keeps_the_row_with_a_new_version_and_the_state_can_be_created_again()
    {
        await using var storage = Create(_database.Path);
        var grain = Grain("c");
        var state = State(new CounterState { Count = 5 });
        await storage.WriteStateAsync(StateName, grain, state);

        await storage.ClearStateAsync(StateName, grain, state);
        Assert.Equal("2", state.ETag);
        Assert.False(state.RecordExists);

        var afterClear = State(new CounterState { Count = 42 });
        await storage.ReadStateAsync(StateName, grain, afterClear);
        Assert.False(afterClear.RecordExists);
        Assert.Equal("2", afterClear.ETag);
        Assert.Equal(0, afterClear.State.Count);

        // The cleared row's version still guards it: writing as if no row existed is stale.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, State(new CounterState { Count = 1 })));

        afterClear.State.Count = 6;
        await storage.WriteStateAsync(StateName, grain, afterClear);
        Assert.Equal("3", afterClear.ETag);
        var read = State(new CounterState());
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.True(read.RecordExists);
        Assert.Equal(6, read.State.Count);
    }

    [Fact]
    public async Task Clear_with_delete_state_on_clear_removes_the_row_and_the_state_can_be_created_again()
    {
        await using var storage = Create(_database.Path, options => options.DeleteStateOnClear = true);
        var grain = Grain("d");
        var state = State(new CounterState { Count = 5 });
        await storage.WriteStateAsync(StateName, grain, state);

        await storage.ClearStateAsync(StateName, grain, state);
        Assert.Null(state.ETag);
        Assert.Equal(0, await CountRowsAsync());

        state.State.Count = 7;
        await storage.WriteStateAsync(StateName, grain, state);
        Assert.Equal("1", state.ETag);
        var read = State(new CounterState());
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal(7, read.State.Count);
    }

    [Fact]
    public async Task Concurrent_writers_on_different_grains_are_all_durable()
    {
        const int Writers = 200;
        await using (var storage = Create(_database.Path))
        {
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(async i =>
            {
                var state = State(new CounterState());
                for (var n = 1; n <= 5; n++)
                {
                    state.State.Count = n * 1000 + i;
                    await storage.WriteStateAsync(StateName, Grain($"many-{i}"), state);
                }

                Assert.Equal("5", state.ETag);
            }));
        }

        await using var reopened = Create(_database.Path);
        for (var i = 0; i < Writers; i++)
        {
            var read = State(new CounterState());
            await reopened.ReadStateAsync(StateName, Grain($"many-{i}"), read);
            Assert.Equal(5000 + i, read.State.Count);
            Assert.Equal("5", read.ETag);
        }
    }

    [Fact]
    public async Task Concurrent_writers_on_one_grain_with_the_same_etag_exactly_one_wins()
    {
        await using var storage = Create(_database.Path);
        var grain = Grain("contended");
        await storage.WriteStateAsync(StateName, grain, State(new CounterState { Count = 0 }));

        var attempts = Enumerable.Range(1, 32).Select(async i =>
        {
            var state = State(new CounterState { Count = i }, eTag: "1");
            try
            {
                await storage.WriteStateAsync(StateName, grain, state);
                return (Won: true, Count: i);
            }
            catch (InconsistentStateException)
            {
                return (Won: false, Count: i);
            }
        }).ToArray();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r.Won);
        var read = State(new CounterState());
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal("2", read.ETag);
        Assert.Equal(winner.Count, read.State.Count);
    }

    [Fact]
    public async Task A_write_committed_without_its_acknowledgement_reaching_the_caller_is_on_disk_and_the_old_etag_is_stale()
    {
        var grain = Grain("unacknowledged");
        var held = State(new CounterState { Count = 1 });
        var storage = Create(_database.Path);
        await storage.WriteStateAsync(StateName, grain, held);

        // The activation sends its next write, and the provider shuts down before the activation sees the answer:
        // the activation still holds ETag "1".
        var inFlight = State(new CounterState { Count = 2 }, eTag: held.ETag);
        var write = storage.WriteStateAsync(StateName, grain, inFlight);
        await storage.DisposeAsync();
        await write;

        await using var fresh = Create(_database.Path);
        var read = State(new CounterState());
        await fresh.ReadStateAsync(StateName, grain, read);
        Assert.Equal(2, read.State.Count);
        Assert.Equal("2", read.ETag);
        held.State.Count = 3;
        await Assert.ThrowsAsync<InconsistentStateException>(() => fresh.WriteStateAsync(StateName, grain, held));
    }

    [Fact]
    public async Task Data_survives_closing_and_reopening_the_file()
    {
        await using (var storage = Create(_database.Path))
        {
            await storage.WriteStateAsync(StateName, Grain("durable"), State(new CounterState { Count = 11, Note = "kept" }));
        }

        SqliteConnection.ClearAllPools();
        await using var reopened = Create(_database.Path);
        var read = State(new CounterState());
        await reopened.ReadStateAsync(StateName, Grain("durable"), read);
        Assert.True(read.RecordExists);
        Assert.Equal("kept", read.State.Note);
        Assert.Equal("1", read.ETag);
    }

    [Fact]
    public async Task Payload_larger_than_the_limit_is_refused_and_nothing_is_written()
    {
        await using var storage = Create(_database.Path, options => options.MaxPayloadBytes = 1024);
        var grain = GrainId.Create("blob", "big");
        var state = State(new BlobState { Bytes = new byte[2048] });

        var refused = await Assert.ThrowsAsync<SqliteGrainStateTooLargeException>(() => storage.WriteStateAsync("blob", grain, state));

        Assert.Contains("MaxPayloadBytes", refused.Message, StringComparison.Ordinal);
        Assert.True(refused.PayloadBytes > 1024);
        Assert.Null(state.ETag);
        var read = State(new BlobState());
        await storage.ReadStateAsync("blob", grain, read);
        Assert.False(read.RecordExists);

        await storage.WriteStateAsync("blob", grain, State(new BlobState { Bytes = new byte[512] }));
        await storage.ReadStateAsync("blob", grain, read);
        Assert.Equal(512, read.State.Bytes.Length);
    }

    [Fact]
    public async Task Service_grain_type_and_state_name_each_keep_rows_apart()
    {
        await using var storage = Create(_database.Path);
        await using var otherService = Create(_database.Path, serviceId: "other-service");
        var grain = Grain("same");
        await storage.WriteStateAsync(StateName, grain, State(new CounterState { Count = 1 }));
        await storage.WriteStateAsync("other", grain, State(new CounterState { Count = 2 }));
        await storage.WriteStateAsync(StateName, GrainId.Create("other-type", "same"), State(new CounterState { Count = 3 }));
        await otherService.WriteStateAsync(StateName, grain, State(new CounterState { Count = 4 }));

        var read = State(new CounterState());
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal(1, read.State.Count);
        Assert.Equal(4, await CountRowsAsync());
    }

    private async Task<long> CountRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM OrleansShopGrainState";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
