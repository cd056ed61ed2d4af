using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrleansShop.Benchmarks.GrainCalls;

/// <summary>An Orleans silo with the benchmark grains and memory storage, started in-process on free loopback ports.</summary>
internal static class BenchSilo
{
    public static async Task<(IHost Host, IGrainFactory GrainFactory)> StartAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Free ports rather than Orleans' defaults (11111, 30000): other silos may run on this machine.
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: FreeLoopbackPort(), gatewayPort: FreeLoopbackPort())
            .AddMemoryGrainStorageAsDefault());
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return (host, host.Services.GetRequiredService<IGrainFactory>());
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
