using Microsoft.Data.Sqlite;
using OrleansShop.Runtime.Sql.Tests.Support;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Runtime.Sql.Tests.Sqlite;

public sealed class SqliteGrainStorageTests : GrainStorageContract
{
    private readonly TemporaryDirectory _directory = new();

    protected override SqlGrainStorage NewProvider(Action<SqlStorageOptions>? configure = null)
    {
        var options = Options();
        configure?.Invoke(options);
        return Track(SqlGrainStorage.CreateSqlite("store", options));
    }

    protected override ValueTask DisposeDatabaseAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task The_database_is_a_wal_mode_file_under_the_data_directory()
    {
        var storage = NewProvider(UseTestContext);
        await storage.WriteStateAsync("cart", new GrainId("CartGrain", "a"), new GrainState<CartState>(new CartState("a", 1)), Ct);

        var file = Path.Combine(_directory.Path, "data", "orleansshop.db");
        Assert.True(File.Exists(file));
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=false");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task A_completed_write_is_visible_to_an_unrelated_connection_immediately()
    {
        var storage = NewProvider(UseTestContext);

        await storage.WriteStateAsync("cart", new GrainId("CartGrain", "a"), new GrainState<CartState>(new CartState("alice", 1)), Ct);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, "data", "orleansshop.db")};Pooling=false");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Payload, Version FROM OrleansShopGrainState WHERE GrainKey = 'a'";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        Assert.Equal("""{"owner":"alice","items":1}""", reader.GetString(0));
        Assert.Equal(1, reader.GetInt64(1));
    }

    [Fact]
    public async Task Without_startup_migration_the_schema_comes_from_an_explicit_migrator_call()
    {
        var storage = NewProvider(options =>
        {
            UseTestContext(options);
            options.MigrateSchemaOnStartup = false;
        });

        await Assert.ThrowsAsync<SqliteException>(
            () => storage.WriteStateAsync("cart", new GrainId("CartGrain", "a"), new GrainState<CartState>(new CartState("a", 1)), Ct));

        var migrator = SqlSchemaMigrator.ForSqlite(Options());
        var migrated = await migrator.MigrateAsync(Ct);
        await storage.WriteStateAsync("cart", new GrainId("CartGrain", "a"), new GrainState<CartState>(new CartState("a", 1)), Ct);
        Assert.Equal(Enumerable.Range(1, migrator.LatestVersion), migrated.AppliedVersions);
    }

    [Fact]
    public async Task A_write_cancelled_before_it_runs_is_not_written()
    {
        var storage = NewProvider(UseTestContext);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => storage.WriteStateAsync(
            "cart", new GrainId("CartGrain", "a"), new GrainState<CartState>(new CartState("a", 1)), cancelled.Token));

        var read = new GrainState<CartState>(null!);
        await storage.ReadStateAsync("cart", new GrainId("CartGrain", "a"), read, Ct);
        Assert.False(read.RecordExists);
    }

    private SqliteStorageOptions Options() => new()
    {
        DataDirectory = Path.Combine(_directory.Path, "data"),
        ReadConnections = 2,
    };
}
