using OrleansShop.GrainInterfaces;
using OrleansShop.Grains;
using OrleansShop.ReadModels;
using OrleansShop.ReadModels.Catalog;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Sql;

namespace OrleansShop.Api.Hosting;

/// <summary>Embedded mode: this process runs a silo with the commerce grains next to the API, on the configured SQL store.</summary>
public static class EmbeddedSiloExtensions
{
    public static WebApplicationBuilder AddEmbeddedSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var shop = builder.Configuration.GetSection(ShopOptions.Section).Get<ShopOptions>() ?? new ShopOptions();
        builder.Services.Configure<ShopOptions>(builder.Configuration.GetSection(ShopOptions.Section));
        builder.Services.AddCommerceOptions(builder.Configuration);
        builder.Services.AddCatalogReadModel(ReadModelDatabase.FromSettings(shop.Storage, shop.DataDirectory));
        builder.UseSilo(silo =>
        {
            silo.AddGrains(typeof(CommerceServiceCollectionExtensions).Assembly);
            silo.AddSqlStorage(shop.Storage, shop.DataDirectory, o => o.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, CommerceJson.StateResolver));
            silo.AddMemoryStreams(CommerceStreams.Provider);
        });
        return builder;
    }
}
