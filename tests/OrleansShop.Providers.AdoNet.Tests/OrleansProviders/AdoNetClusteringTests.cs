using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using OrleansShop.Providers.AdoNet.Tests.Grains;
using OrleansShop.Providers.AdoNet.Tests.Support;

namespace OrleansShop.Providers.AdoNet.Tests.OrleansProviders;

/// <summary>
/// Orleans' own ADO.NET clustering on the migrated schema: two silo hosts in this process (loopback, own ports)
/// started together on an empty database, which both migrate at once; a client that finds them through the table.
/// </summary>
public sealed class AdoNetClusteringTests(PostgresServerFixture server) : IAsyncLifetime
{
    private const int Active = 3;
    private const int Dead = 6;

    private readonly List<IHost> _hosts = [];
    private string? _database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Two_silos_join_one_cluster_a_client_calls_through_it_and_a_stopped_silo_is_seen_dead()
    {
        server.RequireServer();
        _database = await server.CreateDatabaseAsync(Ct);
        var clusterId = TestSilo.NewClusterId();
        var first = Track(TestSilo.Create(_database, clusterId));
        var second = Track(TestSilo.Create(_database, clusterId));

        await Task.WhenAll(first.StartAsync(Ct), second.StartAsync(Ct));
        var siloAddresses = new[] { first, second }.Select(SiloAddressOf).ToHashSet();
        var statuses = await MembershipAsync(clusterId);

        var client = Track(CreateClient(_database, clusterId));
        await client.StartAsync(Ct);
        var grains = client.Services.GetRequiredService<IClusterClient>();
        var answeredBy = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => grains.GetGrain<ISiloLocatorGrain>(i).SiloAddress()));

        await second.StopAsync(Ct);
        var afterStop = await MembershipAsync(clusterId);
        var activeHosts = await first.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, Ct);
        var answeredAfterStop = await grains.GetGrain<ISiloLocatorGrain>(100).SiloAddress();

        Assert.Equal(siloAddresses.ToDictionary(a => a.ToParsableString(), _ => Active), statuses);
        Assert.All(answeredBy, address => Assert.Contains(siloAddresses, silo => silo.ToString() == address));
        Assert.Equal(Active, afterStop[SiloAddressOf(first).ToParsableString()]);
        Assert.Equal(Dead, afterStop[SiloAddressOf(second).ToParsableString()]);
        Assert.Equal([SiloAddressOf(first)], activeHosts.Keys);
        Assert.Equal(SiloAddressOf(first).ToString(), answeredAfterStop);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }

        if (_database is not null)
        {
            await server.DropDatabaseAsync(_database, CancellationToken.None);
        }
    }

    private IHost Track(IHost host)
    {
        _hosts.Add(host);
        return host;
    }

    private static SiloAddress SiloAddressOf(IHost silo) => silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    private static IHost CreateClient(string connectionString, string clusterId)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = clusterId;
            });
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = AdoNetInvariants.PostgreSql;
                options.ConnectionString = connectionString;
            });
        });
        return builder.Build();
    }

    // Silo address (as Orleans' parsable string: ip:port@generation) -> status, from the membership table itself.
    private async Task<Dictionary<string, int>> MembershipAsync(string clusterId)
    {
        var rows = await Sql.ListAsync<string[]>(_database!,
            "SELECT ARRAY[Address || ':' || Port || '@' || Generation, Status::text] FROM OrleansMembershipTable WHERE DeploymentId = @cluster",
            Ct, ("cluster", clusterId));
        return rows.ToDictionary(row => row[0], row => int.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
