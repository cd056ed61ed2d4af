using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;
using OrleansShop.Providers.Sqlite.Tests.Grains;
using OrleansShop.Providers.Sqlite.Tests.Support;

namespace OrleansShop.Providers.Sqlite.Tests;

public sealed class SiloIntegrationTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly string _serviceId = Guid.NewGuid().ToString("N");

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Persistent_state_and_reminders_survive_a_restart_of_the_cluster_on_the_same_file()
    {
        int ticksBeforeRestart;
        await using (var first = await StartClusterAsync())
        {
            var grain = first.Client.GetGrain<ITallyGrain>("t-1");
            Assert.Equal(3, await grain.Add(3));
            Assert.Equal(7, await grain.Add(4));
            await grain.StartTicking(TimeSpan.FromSeconds(1));
            ticksBeforeRestart = await WaitForTicksAsync(grain, above: 0);
        }

        await using var second = await StartClusterAsync();
        var restarted = second.Client.GetGrain<ITallyGrain>("t-1");
        var state = await restarted.Get();
        Assert.Equal(7, state.Total);
        Assert.True(state.Ticks >= ticksBeforeRestart);
        Assert.True(await restarted.HasReminder());

        // The reminder service of the new cluster loaded the reminder from the file and keeps firing it.
        await WaitForTicksAsync(restarted, above: state.Ticks);
        Assert.Equal(8, await restarted.Add(1));
    }

    [Fact]
    public async Task A_missing_database_path_fails_silo_start_up_with_a_clear_message()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: 21111, gatewayPort: 31111)
            .AddSqliteGrainStorage("shop", _ => { }));
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OrleansConfigurationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("DatabasePath", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'shop'", failure.Message, StringComparison.Ordinal);
    }

    private async Task<InProcessTestCluster> StartClusterAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = _serviceId;
        builder.Options.ConfigureFileLogging = false;
        var path = _database.Path;
        builder.ConfigureSilo((_, silo) => silo
            .AddSqliteGrainStorage(TallyGrain.StorageName, options => options.DatabasePath = path)
            .UseSqliteReminderService(options => options.DatabasePath = path)
            .Configure<ReminderOptions>(options =>
            {
                options.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
                options.RefreshReminderListPeriod = TimeSpan.FromSeconds(1);
            }));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static async Task<int> WaitForTicksAsync(ITallyGrain grain, int above)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var ticks = (await grain.Get()).Ticks;
            if (ticks > above)
            {
                return ticks;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"The reminder did not tick above {above} within 30 s.");
    }
}
