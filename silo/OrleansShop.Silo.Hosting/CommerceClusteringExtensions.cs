using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting;
using OrleansShop.Providers.AdoNet;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// Membership: localhost clustering for a silo alone (the embedded default), Orleans' ADO.NET membership in the storage
/// database for a cluster, with failure detection tuned to well under 10 s (Orleans' defaults take over 20 s).
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
            return silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }

        var (dialect, connectionString) = ClusterDatabase(shop);
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = IPAddress.Parse(cluster.AdvertisedAddress);
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
        return silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (AdoNetInvariants.For(dialect), connectionString));
    }

    public static IClientBuilder UseCommerceClustering(this IClientBuilder client, ShopOptions shop)
    {
        var (dialect, connectionString) = ClusterDatabase(shop);
        return client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (AdoNetInvariants.For(dialect), connectionString));
    }

    private static (AdoNetDialect Dialect, string ConnectionString) ClusterDatabase(ShopOptions shop) =>
        shop.Storage.AdoNetDialect is { } dialect
            ? (dialect, shop.Storage.RequireConnectionString())
            : throw new InvalidOperationException(
                "A cluster keeps its membership in PostgreSQL or SQL Server: set OrleansShop:Storage:Provider to postgres or sqlserver "
                + "(with OrleansShop:Storage:ConnectionString), or leave OrleansShop:Cluster:Enabled and Mode unset for a silo alone.");

    /// <summary>The configured port, or for 0 a port the operating system has just reported free on loopback.</summary>
    private static int PortOrFree(int port)
    {
        if (port != 0)
        {
            return port;
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
