using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansShop.Grains;

namespace OrleansShop.ReadModels.Catalog;

public static class CatalogReadModelServiceCollectionExtensions
{
    /// <summary>
    /// The catalog read model on the registered <see cref="ReadModelDatabase"/>: the grains' <see cref="ICatalogProjection"/>
    /// writes it, <see cref="CatalogSearch"/> queries it, and its tables are created when the host starts.
    /// </summary>
    public static IServiceCollection AddCatalogReadModel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddCatalogSearch();
        services.AddSingleton<ICatalogProjection, SqlCatalogProjection>();
        return services;
    }

    /// <summary>
    /// The query side alone, for a host that runs no grains (an API as a cluster client): the silos project, this host
    /// searches. Its tables are still created at start-up, so that a search before the first projection finds none
    /// instead of failing.
    /// </summary>
    public static IServiceCollection AddCatalogSearch(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(s => new CatalogStore(s.GetRequiredService<ReadModelDatabase>()));
        services.AddSingleton<CatalogSearch>();
        services.AddHostedService<CatalogSchemaStartup>();
        return services;
    }
}
