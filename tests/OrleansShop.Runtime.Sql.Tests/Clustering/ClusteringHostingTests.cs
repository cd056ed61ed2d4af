using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Sql.Tests.Support;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

/// <summary>What a host calls: <c>UseSqliteClustering</c>, with options from <c>OrleansShop:Cluster</c>.</summary>
public sealed class ClusteringHostingTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_host_binds_the_cluster_section_joins_on_start_and_leaves_on_stop()
    {
        using var host = Build(new()
        {
            ["OrleansShop:Cluster:ClusterId"] = "from-config",
            ["OrleansShop:Cluster:SiloPort"] = "0",
            ["OrleansShop:Cluster:NumVotesForDeathDeclaration"] = "3",
        });

        await host.StartAsync(Ct);
        var membership = host.Services.GetRequiredService<IClusterMembership>();
        var options = host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
        await using var table = SqlMembershipTable.CreateSqlite("from-config", new SqliteStorageOptions { DataDirectory = _directory.Path, ReadConnections = 1 });

        Assert.Equal(3, options.NumVotesForDeathDeclaration);
        Assert.NotEqual(0, membership.LocalSilo.Port);
        Assert.Equal([membership.LocalSilo], membership.ActiveSilos);
        Assert.Equal(membership.LocalSilo, membership.OwnerOf(new GrainId("CartGrain", "any")));
        Assert.Equal(SiloStatus.Active, (await table.ReadAllAsync(Ct)).Find(membership.LocalSilo)?.Status);

        await host.StopAsync(Ct);

        Assert.Equal(SiloStatus.Dead, (await table.ReadAllAsync(Ct)).Find(membership.LocalSilo)?.Status);
    }

    [Fact]
    public async Task A_host_with_client_mode_in_configuration_sees_the_silos_and_never_writes_the_table()
    {
        using var silo = Build(new() { ["OrleansShop:Cluster:ClusterId"] = "shared", ["OrleansShop:Cluster:SiloPort"] = "0" });

        // Its grain classes keep state in storage the client does not register: it never activates them.
        using var client = Build(
            new()
            {
                ["OrleansShop:Cluster:ClusterId"] = "shared",
                ["OrleansShop:Cluster:Mode"] = "Client",
                ["OrleansShop:Cluster:TableRefreshInterval"] = "00:00:00.1",
            },
            typeof(Grains.ShoppingListGrain).Assembly);
        await silo.StartAsync(Ct);
        await using var table = SqlMembershipTable.CreateSqlite("shared", new SqliteStorageOptions { DataDirectory = _directory.Path, ReadConnections = 1 });
        var before = await table.ReadAllAsync(Ct);

        await client.StartAsync(Ct);
        var siloAddress = silo.Services.GetRequiredService<IClusterMembership>().LocalSilo;
        var membership = client.Services.GetRequiredService<IClusterMembership>();

        Assert.Equal(ClusterMode.Client, client.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value.Mode);
        Assert.Equal([siloAddress], membership.ActiveSilos);
        Assert.Equal(siloAddress, membership.OwnerOf(new GrainId("CartGrain", "any")));
        Assert.Equal(0, membership.LocalSilo.Port);

        await client.StopAsync(Ct);
        var after = await table.ReadAllAsync(Ct);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal([siloAddress], after.Entries.Select(e => e.Silo));
        await silo.StopAsync(Ct);
    }

    [Fact]
    public async Task Invalid_cluster_options_stop_the_host_from_starting()
    {
        using var host = Build(new() { ["OrleansShop:Cluster:SiloPort"] = "70000" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains("SiloPort", error.Message, StringComparison.Ordinal);
    }

    private IHost Build(Dictionary<string, string?> settings, System.Reflection.Assembly? grains = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        // A silo in the test process must never exit the process, whatever happens to it.
        builder.UseSilo(silo =>
        {
            silo.UseSqliteClustering(db => db.DataDirectory = _directory.Path, o => o.ExitProcessOnFailure = false);
            if (grains is not null)
            {
                silo.AddGrains(grains);
            }
        });
        return builder.Build();
    }
}
