using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using OrleansShop.Bench.Silo;
using OrleansShop.Providers.AdoNet;
using OrleansShop.Silo.Hosting;

namespace OrleansShop.Bench.Streams;

/// <summary>
/// A silo of the bench's development cluster on loopback with the shop's stream providers, configured as the shop is
/// (OrleansShop__Streams__*, OrleansShop__Storage__* from the environment).
/// </summary>
internal static class BenchSilo
{
    public static IHost Create(string serviceId, int siloPort, int gatewayPort, int primarySiloPort, bool migrate)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddEnvironmentVariables();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton<Deliveries>();
        var shop = builder.Configuration.GetSection(ShopOptions.Section).Get<ShopOptions>() ?? new ShopOptions();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (serviceId, serviceId))
                .UseLoopbackCluster(siloPort, gatewayPort, primarySiloPort)
                .AddPlacementDirector<ConsumerSiloPlacement, SiloPlacementDirector>()
                .AddPlacementDirector<PublisherSiloPlacement, SiloPlacementDirector>();
            if (migrate && shop.Streams.Provider == DomainEventStreamProvider.AdoNet && shop.Storage.AdoNetDialect is { } dialect)
            {
                silo.AddAdoNetSchemaMigration(dialect, shop.Storage.RequireConnectionString());
            }

            // The shop's live-update memory streams keep their (unused here) subscriptions in this store.
            silo.AddMemoryGrainStorage(CommerceSiloExtensions.PubSubStore);
            silo.AddCommerceStreams(shop, builder.Configuration);
        });
        return builder.Build();
    }
}
