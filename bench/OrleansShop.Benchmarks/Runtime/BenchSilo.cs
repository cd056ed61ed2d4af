using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansShop.Runtime;
using OrleansShop.Runtime.Hosting;

namespace OrleansShop.Benchmarks.Runtime;

/// <summary>A silo with the benchmark grains and memory storage, started in-process.</summary>
internal static class BenchSilo
{
    public static async Task<(IHost Host, IGrainFactory GrainFactory)> StartAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseSilo(silo => silo.AddGrains(typeof(BenchCounterGrain).Assembly).AddMemoryGrainStorage());
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return (host, host.Services.GetRequiredService<IGrainFactory>());
    }
}
