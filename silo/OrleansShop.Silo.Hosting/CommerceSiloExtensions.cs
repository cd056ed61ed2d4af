using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Storage;
using OrleansShop.GrainInterfaces;
using OrleansShop.Grains;
using OrleansShop.Silo.Hosting.Health;
using OrleansShop.Silo.Hosting.Mail;
using OrleansShop.Silo.Hosting.Payments;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// The commerce silo on Microsoft Orleans, composed the same way by every host (silo/ and the API's co-hosted silo)
/// from configuration: grain state, reminders and stream subscriptions on the configured database
/// (<c>OrleansShop:Storage</c>), the commerce streams, the read-model projections, the order mailer (<c>OrleansShop:Mail</c>), the payment gateway, the Orleans
/// and clustering: localhost clustering for the embedded default, Orleans' ADO.NET or Azure Table membership
/// when <c>OrleansShop:Cluster:Enabled</c> is true; health checks for <c>/health/ready</c>. With <c>OrleansShop:Cluster:Mode=Client</c> the host is an Orleans
/// cluster client instead and runs no grains.
/// </summary>
public static class CommerceSiloExtensions
{
    /// <summary>The Orleans grain storage that keeps the pub-sub state of the memory streams (who subscribes to what).</summary>
    public const string PubSubStore = "PubSubStore";

    /// <param name="builder">The host.</param>
    /// <param name="configureSilo">What this host adds to its silo (the API adds the dashboard); not run in client mode.</param>
    public static IHostApplicationBuilder AddCommerceSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configureSilo = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var shop = configuration.GetSection(ShopOptions.Section).Get<ShopOptions>() ?? new ShopOptions();
        builder.Services.Configure<ShopOptions>(configuration.GetSection(ShopOptions.Section));
        builder.AddCommerceLogDefaults();
        builder.AddCommerceTelemetry();
        builder.Services.AddCommerceHealthChecks(shop);
        CachedGrainInterfaceTypes.AddFirst(builder.Services);

        if (shop.Cluster.Mode == ClusterMode.Client)
        {
            builder.Services.AddCommerceReadModelQueries(shop);
            builder.UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (shop.Cluster.ClusterId, shop.Cluster.ServiceId));
                client.UseCommerceClustering(shop);
                var connection = new ClusterConnectionStatus();
                builder.Services.AddSingleton(connection);
                client.AddClusterConnectionStatusObserver(connection);

                // A request that a gateway forwarded to a silo which then dies is never failed by the gateway (Orleans
                // issue 10165): the client waits out its response timeout. 20 s instead of Orleans' 30 s still covers the
                // slowest legitimate call (a payment: the provider's HTTP timeout is 15 s) and leaves a client time to retry.
                client.Configure<ClientMessagingOptions>(o =>
                {
                    o.ResponseTimeout = TimeSpan.FromSeconds(20);
                    configuration.GetSection(ClusterSettings.Section + ":Messaging").Bind(o);
                });
                client.AddMemoryStreams(CommerceStreams.Provider);
                if (CommerceTelemetryExtensions.GrainCallSpansEnabled(configuration))
                {
                    client.AddActivityPropagation();
                }
            });
            return builder;
        }

        builder.Services.AddCommerceOptions(configuration);
        builder.Services.AddCommerceReadModels(shop);
        builder.Services.AddOrderMailer(configuration);
        builder.Services.AddSandboxPaymentGateway(configuration);

        // State is stored in Orleans' own binary format, whose identity is each type's [Alias] and [Id]s: a renamed class
        // or assembly still reads its rows (Orleans' default would be JSON carrying .NET type names).
        builder.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (shop.Cluster.ClusterId, shop.Cluster.ServiceId));
            silo.Configure<GrainCollectionOptions>(configuration.GetSection(ClusterSettings.Section + ":GrainCollection"));
            silo.UseCommerceStorage(shop, configuration);
            silo.UseCommerceClustering(shop, configuration);
            silo.AddCommerceStreams(shop, configuration);

            // Orleans' grain-call spans exist only with its activity propagation: without it a trace stops at the API, and a
            // call's work on another silo is not in it. It costs every grain call, so it is OrleansShop:Telemetry:GrainCallSpans.
            if (CommerceTelemetryExtensions.GrainCallSpansEnabled(configuration))
            {
                silo.AddActivityPropagation();
            }

            configureSilo?.Invoke(silo);
        });
        return builder;
    }
}
