using Microsoft.Data.Sqlite;
using OrleansShop.Runtime.Sql.Sqlite;
using OrleansShop.Runtime.Sql.Tests.Support;

namespace OrleansShop.Runtime.Sql.Tests.Sqlite;

/// <summary>The queued single writer under failure: bad writes, a locked file.</summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_failing_write_fails_alone_and_the_writes_queued_with_it_still_commit()
    {
        var options = new SqliteStorageOptions { DataDirectory = _directory.Path };
        await SqlSchemaMigrator.ForSqlite(options).MigrateAsync(Ct);
        await using var database = SqliteDatabase.Acquire(options);

        var writes = Enumerable.Range(0, 20).Select(i => database.WriteAsync(async (commands, ct) =>
        {
            var command = commands.Command(i == 7
                ? "INSERT INTO NoSuchTable VALUES (1)"
                : "INSERT INTO OrleansShopReminders VALUES ('s', 'G', @Key, 'r', 0, 60000, 1, '')");
            command.Parameters.Add(new SqliteParameter("@Key", "k" + i));
            return await command.ExecuteNonQueryAsync(ct);
        }, Ct)).ToList();

        await Assert.ThrowsAsync<SqliteException>(() => writes[7]);
        Assert.All(writes.Where((_, i) => i != 7), w => Assert.Equal(1, w.Result));
        var count = await database.ReadAsync(async (commands, ct) =>
            Convert.ToInt64(await commands.Command("SELECT COUNT(*) FROM OrleansShopReminders").ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture), Ct);
        Assert.Equal(19, count);
    }

    [Fact]
    public async Task Writes_fail_instead_of_hanging_while_another_process_holds_the_write_lock_and_succeed_after()
    {
        var options = new SqliteStorageOptions { DataDirectory = _directory.Path, BusyTimeout = TimeSpan.FromSeconds(1) };
        await SqlSchemaMigrator.ForSqlite(options).MigrateAsync(Ct);
        await using var database = SqliteDatabase.Acquire(options);
        await using var other = new SqliteConnection($"Data Source={options.DatabasePath};Pooling=false");
        await other.OpenAsync(Ct);
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync(Ct);
        }

        Task<int> Insert(string key) => database.WriteAsync(async (commands, ct) =>
        {
            var command = commands.Command("INSERT INTO OrleansShopReminders VALUES ('s', 'G', @Key, 'r', 0, 60000, 1, '')");
            command.Parameters.Add(new SqliteParameter("@Key", key));
            return await command.ExecuteNonQueryAsync(ct);
        }, Ct);

        var blocked = new[] { Insert("a"), Insert("b"), Insert("c") };
        var failure = await Assert.ThrowsAsync<SqliteException>(() => blocked[0]);
        Assert.Equal(5, failure.SqliteErrorCode); // SQLITE_BUSY
        await Assert.ThrowsAsync<SqliteException>(() => Task.WhenAll(blocked));

        await using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync(Ct);
        }

        Assert.Equal(1, await Insert("d"));
    }
}
