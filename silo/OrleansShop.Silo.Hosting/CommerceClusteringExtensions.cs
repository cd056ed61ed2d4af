using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Orleans.Clustering.AzureStorage;
using Orleans.Configuration;
using Orleans.Hosting;
using OrleansShop.Providers.AdoNet;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// Membership: localhost clustering for a silo alone (the embedded default); for a cluster, Orleans' ADO.NET membership in
/// the storage database or Orleans' Azure Table membership (<c>OrleansShop:Cluster:Provider</c>), with failure detection
/// tuned to well under 10 s (Orleans' defaults take over 20 s).
/// </summary>
internal static class CommerceClusteringExtensions
{
    public static ISiloBuilder UseCommerceClustering(this ISiloBuilder silo, ShopOptions shop, IConfiguration configuration)
    {
        var cluster = shop.Cluster;
        var siloPort = PortOrFree(cluster.SiloPort);
        var gatewayPort = PortOrFree(cluster.GatewayPort);
        if (!cluster.Enabled)
        {
            if (cluster.Provider != ClusterProvider.AdoNet)
            {
                throw new InvalidOperationException(
                    $"OrleansShop:Cluster:Provider is {cluster.Provider}, but OrleansShop:Cluster:Enabled is not true: set it for a cluster "
                    + "member, or leave the provider unset for a silo alone on localhost clustering.");
            }

            return silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }

        // Every member reads and writes the same grain state, so a cluster needs a storage server whichever table holds the
        // membership: a SQLite file per node would give each node a state of its own.
        if (shop.Storage.AdoNetDialect is null)
        {
            throw new InvalidOperationException(
                "A cluster keeps its grain state in PostgreSQL or SQL Server: set OrleansShop:Storage:Provider to postgres or sqlserver "
                + "(with OrleansShop:Storage:ConnectionString), or leave OrleansShop:Cluster:Enabled unset for a silo alone.");
        }

        var advertised = cluster.ResolveAdvertisedAddress();
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = advertised;
            o.SiloPort = siloPort;
            o.GatewayPort = gatewayPort;
        });
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            // A probe every 2 s, three missed in a row make a suspect, two votes (or all there are) a death; the third probe
            // goes through another silo and counts as a vote of its own. Measured: a killed silo is marked dead 2.2-4.4 s
            // after kill -9 (tests/OrleansShop.Cluster.Tests).
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 3;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
            o.DeathVoteExpirationTimeout = TimeSpan.FromMinutes(1);
            configuration.GetSection(ClusterSettings.Section + ":Membership").Bind(o);
        });
        if (cluster.Provider == ClusterProvider.AzureStorage)
        {
            var table = RequireValid(cluster.AzureStorage);
            return silo.UseAzureStorageClustering(o => ConfigureTable(o, table));
        }

        var (dialect, connectionString) = ClusterDatabase(shop);
        return silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (AdoNetInvariants.For(dialect), connectionString));
    }

    public static IClientBuilder UseCommerceClustering(this IClientBuilder client, ShopOptions shop)
    {
        if (shop.Cluster.Provider == ClusterProvider.AzureStorage)
        {
            var table = RequireValid(shop.Cluster.AzureStorage);
            return client.UseAzureStorageClustering(o => ConfigureTable(o, table));
        }

        var (dialect, connectionString) = ClusterDatabase(shop);
        return client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (AdoNetInvariants.For(dialect), connectionString));
    }

    private static AzureTableClusteringSettings RequireValid(AzureTableClusteringSettings table)
    {
        var problems = table.Problems().ToList();
        return problems.Count == 0 ? table : throw new InvalidOperationException(string.Join(" ", problems));
    }

    private static void ConfigureTable(AzureStorageOperationOptions options, AzureTableClusteringSettings table)
    {
        options.TableName = table.TableName;
        options.TableServiceClient = string.IsNullOrWhiteSpace(table.ConnectionString)
            ? new TableServiceClient(new Uri(table.TableServiceUri!), AzureIdentity.Default)
            : new TableServiceClient(table.ConnectionString);
    }

    private static (AdoNetDialect Dialect, string ConnectionString) ClusterDatabase(ShopOptions shop) =>
        shop.Storage.AdoNetDialect is { } dialect
            ? (dialect, shop.Storage.RequireConnectionString())
            : throw new InvalidOperationException(
                "ADO.NET clustering keeps the membership table in PostgreSQL or SQL Server: set OrleansShop:Storage:Provider to postgres or sqlserver "
                + "(with OrleansShop:Storage:ConnectionString), or OrleansShop:Cluster:Provider=AzureStorage, or leave OrleansShop:Cluster:Enabled "
                + "and Mode unset for a silo alone.");

    // The operating system hands out the ports of its ephemeral range (32768 and up on Linux) for port 0 and for every
    // outgoing connection, so a port found free there can be taken again before Orleans binds it (seen: several test
    // servers starting at once). A port below that range is only ever taken by someone asking for it by number; those
    // handed out here are not handed out twice in this process.
    private const int FirstFreePortCandidate = 20_000;
    private const int LastFreePortCandidate = 32_000;
    private static readonly ConcurrentDictionary<int, bool> s_handedOut = new();

    /// <summary>The configured port, or for 0 a random port below the ephemeral range that nothing listens on now.</summary>
    private static int PortOrFree(int port)
    {
        if (port != 0)
        {
            return port;
        }

        for (var attempt = 0; attempt < 200; attempt++)
        {
            var candidate = Random.Shared.Next(FirstFreePortCandidate, LastFreePortCandidate);
            if (s_handedOut.TryAdd(candidate, true) && IsFree(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No free port between {FirstFreePortCandidate} and {LastFreePortCandidate} after 200 tries.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
