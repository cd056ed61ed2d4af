using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace OrleansShop.Bench.Silo;

/// <summary>The processes' hosts: silos in one development cluster on loopback, and a client of one silo's gateway.</summary>
internal static class BenchHosts
{
    private const string ClusterId = "orleansshop-bench";

    public static IHost Silo(int siloPort, int gatewayPort, int primarySiloPort)
    {
        var builder = Host.CreateApplicationBuilder();
        Quiet(builder);
        builder.UseOrleans(silo => silo
            .Configure<ClusterOptions>(Cluster)
            .UseLoopbackCluster(siloPort, gatewayPort, primarySiloPort)
            .AddPlacementDirector<PrimarySiloPlacement, PrimarySiloPlacementDirector>());
        return builder.Build();
    }

    public static IHost Client(int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder();
        Quiet(builder);
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(Cluster)
            .UseStaticClustering(new IPEndPoint(IPAddress.Loopback, gatewayPort)));
        return builder.Build();
    }

    /// <summary>Warnings and errors only, on stderr: stdout carries the result line alone.</summary>
    private static void Quiet(HostApplicationBuilder builder)
    {
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    private static void Cluster(ClusterOptions options)
    {
        options.ClusterId = ClusterId;
        options.ServiceId = ClusterId;
    }
}
