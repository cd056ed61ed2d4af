using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansShop.GrainInterfaces;
using OrleansShop.Grains;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Sql;
using OrleansShop.Silo.Hosting.Payments;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// The commerce silo, composed the same way by every host (silo/ and the API's co-hosted silo) from configuration:
/// the grains on the configured SQL store (<c>OrleansShop:Storage</c>), the commerce streams, the read-model
/// projections, the payment gateway, and, when <c>OrleansShop:Cluster:Enabled</c> is true, membership of the cluster
/// whose table lives in that same database (<c>OrleansShop:Cluster:*</c>, e.g. <c>OrleansShop__Cluster__SiloPort</c>).
/// </summary>
public static class CommerceSiloExtensions
{
    /// <summary>The switch that makes this host a cluster member instead of a silo alone.</summary>
    public const string ClusterEnabledKey = ClusterMembershipOptions.SectionName + ":Enabled";

    public static IHostApplicationBuilder AddCommerceSilo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var shop = configuration.GetSection(ShopOptions.Section).Get<ShopOptions>() ?? new ShopOptions();
        builder.Services.Configure<ShopOptions>(configuration.GetSection(ShopOptions.Section));
        builder.Services.AddCommerceOptions(configuration);
        builder.Services.AddCommerceReadModels(shop);
        builder.Services.AddSandboxPaymentGateway(configuration);
        builder.UseSilo(silo =>
        {
            silo.AddGrains(typeof(CommerceServiceCollectionExtensions).Assembly);
            silo.AddSqlStorage(shop.Storage, shop.DataDirectory, o => o.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, CommerceJson.StateResolver));
            silo.AddMemoryStreams(CommerceStreams.Provider);
            if (configuration.GetValue<bool>(ClusterEnabledKey))
            {
                silo.UseSqlClustering(shop.Storage, shop.DataDirectory);
            }
        });
        return builder;
    }
}
