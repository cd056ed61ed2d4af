using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Sql.Hosting;
using OrleansShop.Runtime.Sql.Tests.Support;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Runtime.Sql.Tests.Hosting;

public sealed class SqlSiloBuilderExtensionsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Sqlite_grain_storage_is_registered_under_its_name_and_migrates_when_the_host_starts()
    {
        await using var services = new ServiceCollection()
            .AddSilo(silo => silo.AddSqliteGrainStorage("Default", o => o.DataDirectory = _directory.Path))
            .BuildServiceProvider();

        await StartInitializersAsync(services);
        var storage = services.GetRequiredKeyedService<IGrainStorage>("Default");
        var state = new GrainState<CartState>(new CartState("alice", 1));
        await storage.WriteStateAsync("cart", new GrainId("CartGrain", "a"), state, Ct);

        Assert.IsType<SqlGrainStorage>(storage);
        Assert.Equal("1", state.ETag);
        Assert.True(File.Exists(Path.Combine(_directory.Path, "orleansshop.db")));
        var migrator = SqlSchemaMigrator.ForSqlite(new SqliteStorageOptions { DataDirectory = _directory.Path });
        Assert.Equal(migrator.LatestVersion, await migrator.GetCurrentVersionAsync(Ct));
    }

    [Fact]
    public async Task Two_named_providers_get_their_own_options()
    {
        await using var services = new ServiceCollection()
            .AddSilo(silo => silo
                .AddSqliteGrainStorage("carts", o => o.DataDirectory = Path.Combine(_directory.Path, "carts"))
                .AddSqliteGrainStorage("orders", o => o.DataDirectory = Path.Combine(_directory.Path, "orders")))
            .BuildServiceProvider();

        await StartInitializersAsync(services);

        Assert.Equal("carts", ((SqlGrainStorage)services.GetRequiredKeyedService<IGrainStorage>("carts")).Name);
        Assert.Equal("orders", ((SqlGrainStorage)services.GetRequiredKeyedService<IGrainStorage>("orders")).Name);
        Assert.True(File.Exists(Path.Combine(_directory.Path, "carts", "orleansshop.db")));
        Assert.True(File.Exists(Path.Combine(_directory.Path, "orders", "orleansshop.db")));
    }

    [Fact]
    public async Task Invalid_options_fail_start_up_validation_naming_the_provider_and_setting()
    {
        await using var services = new ServiceCollection()
            .AddSilo(silo => silo
                .AddSqliteGrainStorage("Default", o => o.ReadConnections = 0)
                .AddPostgresGrainStorage("cluster", o => o.ConnectionString = ""))
            .BuildServiceProvider();

        // One OptionsValidationException per invalid named instance, gathered in an AggregateException.
        var failure = Assert.Throws<AggregateException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        var messages = failure.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList();

        Assert.Contains(messages, f => f.Contains("'Default'", StringComparison.Ordinal) && f.Contains("ReadConnections", StringComparison.Ordinal));
        Assert.Contains(messages, f => f.Contains("'cluster'", StringComparison.Ordinal) && f.Contains("ConnectionString", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sqlite_reminders_replace_the_silos_reminder_table()
    {
        await using var services = new ServiceCollection()
            .AddSilo(silo => silo.UseInMemoryReminderTable().UseSqliteReminders(o => o.DataDirectory = _directory.Path))
            .BuildServiceProvider();

        await StartInitializersAsync(services);
        var table = services.GetRequiredService<IReminderTable>();
        var eTag = await table.UpsertRowAsync(new ReminderEntry(new GrainId("OrderGrain", "1"), "expire", DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(1)), Ct);

        Assert.IsType<SqlReminderTable>(table);
        Assert.Equal("1", eTag);
    }

    private static async Task StartInitializersAsync(IServiceProvider services)
    {
        foreach (var hosted in services.GetServices<IHostedService>().OfType<SqlStorageInitializer>())
        {
            await hosted.StartAsync(Ct);
        }
    }
}
