using OrleansShop.Providers.AdoNet.Tests.Support;

namespace OrleansShop.Providers.AdoNet.Tests.Migrations;

/// <summary>The migrator against a real PostgreSQL; every test migrates a fresh database of its own.</summary>
public sealed class PostgresSchemaMigratorTests(PostgresServerFixture server) : IAsyncDisposable
{
    private readonly List<string> _databases = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrating_an_empty_database_applies_every_script_in_order_and_inserts_every_query()
    {
        var database = await CreateDatabaseAsync();
        var migrator = AdoNetSchemaMigrator.ForPostgres(database);
        Assert.False(await migrator.IsCurrentAsync(Ct));

        var result = await migrator.MigrateAsync(Ct);

        Assert.Equal([1, 2, 3, 4, 5], result.AppliedVersions);
        Assert.Equal(5, result.CurrentVersion);
        Assert.True(await migrator.IsCurrentAsync(Ct));
        Assert.Equal(["orleans_query", "persistence", "clustering", "reminders", "streaming"],
            await Sql.ListAsync<string>(database, "SELECT Name FROM OrleansShopSchemaVersion ORDER BY Version", Ct));
        Assert.Equal(
            OrleansQueryScripts.For(AdoNetDialect.PostgreSql).Keys.Order(StringComparer.Ordinal),
            await Sql.ListAsync<string>(database, "SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey COLLATE \"C\"", Ct));
        Assert.Equal(
            [
                "orleansmembershiptable", "orleansmembershipversiontable", "orleansquery", "orleansreminderstable", "orleansshopschemaversion", "orleansstorage",
                "orleansstreamcontrol", "orleansstreamdeadletter", "orleansstreammessage",
            ],
            await Sql.ListAsync<string>(database, "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1", Ct));
    }

    [Fact]
    public async Task Migrating_a_current_database_again_applies_nothing_and_changes_nothing()
    {
        var database = await CreateDatabaseAsync();
        await AdoNetSchemaMigrator.ForPostgres(database).MigrateAsync(Ct);
        var appliedOn = await Sql.ListAsync<DateTime>(database, "SELECT AppliedOn FROM OrleansShopSchemaVersion ORDER BY Version", Ct);

        var again = await AdoNetSchemaMigrator.ForPostgres(database).MigrateAsync(Ct);

        Assert.Empty(again.AppliedVersions);
        Assert.Equal(5, again.CurrentVersion);
        Assert.Equal(appliedOn, await Sql.ListAsync<DateTime>(database, "SELECT AppliedOn FROM OrleansShopSchemaVersion ORDER BY Version", Ct));
    }

    [Fact]
    public async Task Concurrent_migrators_apply_each_script_exactly_once_between_them()
    {
        var database = await CreateDatabaseAsync();
        const int Migrators = 8;
        using var start = new Barrier(Migrators);

        var results = await Task.WhenAll(Enumerable.Range(0, Migrators).Select(_ => Task.Run(async () =>
        {
            var migrator = AdoNetSchemaMigrator.ForPostgres(database);
            start.SignalAndWait(Ct);
            return await migrator.MigrateAsync(Ct);
        }, Ct)));

        Assert.All(results, result => Assert.Equal(5, result.CurrentVersion));
        Assert.Equal([1, 2, 3, 4, 5], results.SelectMany(result => result.AppliedVersions).Order());
        Assert.Equal(5L, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM OrleansShopSchemaVersion", Ct));
    }

    [Fact]
    public async Task A_failing_script_is_rolled_back_whole_and_the_database_stays_at_the_previous_version()
    {
        var database = await CreateDatabaseAsync();
        // A table in the way of script 2, as a hand-made schema might leave.
        await Sql.ExecuteAsync(database, "CREATE TABLE OrleansStorage (Unrelated integer)", Ct);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => AdoNetSchemaMigrator.ForPostgres(database).MigrateAsync(Ct));

        Assert.Contains("0002_persistence", failure.Message, StringComparison.Ordinal);
        Assert.Equal([1], await Sql.ListAsync<int>(database, "SELECT Version FROM OrleansShopSchemaVersion", Ct));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM OrleansQuery", Ct));
        Assert.False(await AdoNetSchemaMigrator.ForPostgres(database).IsCurrentAsync(Ct));

        await Sql.ExecuteAsync(database, "DROP TABLE OrleansStorage", Ct);
        Assert.Equal([2, 3, 4, 5], (await AdoNetSchemaMigrator.ForPostgres(database).MigrateAsync(Ct)).AppliedVersions);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await server.DropDatabaseAsync(database, CancellationToken.None);
        }
    }

    private async Task<string> CreateDatabaseAsync()
    {
        var database = await server.CreateDatabaseAsync(Ct);
        _databases.Add(database);
        return database;
    }
}
