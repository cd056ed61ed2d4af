using System.Data.Common;

namespace OrleansShop.Runtime.Sql.Tests;

/// <summary>Schema creation and upgrade, the same for every dialect. Each test starts from an empty database.</summary>
public abstract class SchemaMigrationContract
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A migrator over this test's fresh database; each call gives an independent one (as another process would).</summary>
    protected abstract Task<SqlSchemaMigrator> NewMigratorAsync();

    protected abstract Task<DbConnection> OpenAsync();

    [Fact]
    public async Task A_fresh_database_reports_version_zero()
    {
        var migrator = await NewMigratorAsync();

        Assert.Equal(0, await migrator.GetCurrentVersionAsync(Ct));
    }

    [Fact]
    public async Task Migrating_twice_applies_every_script_once_then_nothing()
    {
        var migrator = await NewMigratorAsync();

        var first = await migrator.MigrateAsync(Ct);
        var second = await migrator.MigrateAsync(Ct);

        Assert.Equal(Enumerable.Range(1, migrator.LatestVersion), first.AppliedVersions);
        Assert.Equal(0, first.PreviousVersion);
        Assert.Equal(migrator.LatestVersion, first.CurrentVersion);
        Assert.Empty(second.AppliedVersions);
        Assert.Equal(migrator.LatestVersion, second.PreviousVersion);
        Assert.Equal(migrator.LatestVersion, await migrator.GetCurrentVersionAsync(Ct));
        Assert.Equal(migrator.LatestVersion, await ScalarAsync("SELECT COUNT(*) FROM OrleansShopSchemaVersion"));
    }

    [Fact]
    public async Task Concurrent_migrators_apply_each_script_exactly_once()
    {
        var migrators = new List<SqlSchemaMigrator>();
        for (var i = 0; i < 4; i++)
        {
            migrators.Add(await NewMigratorAsync());
        }

        var results = await Task.WhenAll(migrators.Select(m => Task.Run(() => m.MigrateAsync(Ct), Ct)));

        var applied = results.SelectMany(r => r.AppliedVersions).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, migrators[0].LatestVersion), applied);
        Assert.All(results, r => Assert.Equal(migrators[0].LatestVersion, r.CurrentVersion));
        Assert.Equal(migrators[0].LatestVersion, await ScalarAsync("SELECT COUNT(*) FROM OrleansShopSchemaVersion"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM OrleansShopGrainState"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM OrleansShopReminders"));
    }

    [Fact]
    public async Task An_older_schema_is_upgraded_by_applying_only_the_newer_scripts_and_keeps_its_rows()
    {
        var migrator = await NewMigratorAsync();
        var staged = await migrator.MigrateAsync(1, Ct);
        await ExecuteAsync(
            "INSERT INTO OrleansShopGrainState (ServiceId, GrainType, GrainKey, StateName, Payload, Version, ModifiedOn) " +
            $"VALUES ('default', 'CartGrain', 'a', 'cart', '{{}}', 7, {Now})");

        var upgraded = await (await NewMigratorAsync()).MigrateAsync(Ct);

        Assert.Equal([1], staged.AppliedVersions);
        Assert.Equal(1, upgraded.PreviousVersion);
        Assert.Equal(Enumerable.Range(2, migrator.LatestVersion - 1), upgraded.AppliedVersions);
        Assert.Equal(7, await ScalarAsync("SELECT Version FROM OrleansShopGrainState"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM OrleansShopReminders"));
    }

    protected abstract string Now { get; }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
