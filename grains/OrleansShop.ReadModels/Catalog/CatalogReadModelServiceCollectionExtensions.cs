using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansShop.Grains;

namespace OrleansShop.ReadModels.Catalog;

public static class CatalogReadModelServiceCollectionExtensions
{
    /// <summary>
    /// The catalog read model on <paramref name="database"/>: the grains' <see cref="ICatalogProjection"/> writes it,
    /// <see cref="CatalogSearch"/> queries it, and its tables are created when the host starts.
    /// </summary>
    public static IServiceCollection AddCatalogReadModel(this IServiceCollection services, ReadModelDatabase database)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(database);
        services.AddSingleton(new CatalogStore(database));
        services.AddSingleton<ICatalogProjection, SqlCatalogProjection>();
        services.AddSingleton<CatalogSearch>();
        services.AddHostedService<CatalogSchemaStartup>();
        return services;
    }
}
