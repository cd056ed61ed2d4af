using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OrleansShop.Grains;
using OrleansShop.Silo.Hosting.Health;
using OrleansShop.ReadModels;
using OrleansShop.ReadModels.Catalog;
using OrleansShop.ReadModels.Customers;
using OrleansShop.ReadModels.Notifications;
using OrleansShop.ReadModels.Orders;

namespace OrleansShop.Silo.Hosting;

public static class ReadModelServiceCollectionExtensions
{
    /// <summary>
    /// The SQL read models (catalog search, admin order and customer lists, the order notification outbox) in the
    /// read-model database (<c>OrleansShop:ReadModels</c>, else the storage's), kept current by the grains through their
    /// projection ports and by the order and stock events. Every silo registers them, because whichever silo runs a
    /// product grain or an event partition is the one that projects it. Storage without read models (SQL Server) and no
    /// read-model database of their own gets none.
    /// </summary>
    public static IServiceCollection AddCommerceReadModels(this IServiceCollection services, ShopOptions shop)
    {
        if (!services.AddReadModelDatabase(shop))
        {
            return services;
        }

        services.AddCatalogReadModel();
        services.AddListStores();
        services.AddSingleton<OrderListProjection>();
        services.AddSingleton<OrderNotificationOutbox>();
        services.AddSingleton<SqlCustomerProjection>();
        services.AddSingleton<IOrderEventConsumer>(s => s.GetRequiredService<OrderListProjection>());
        services.AddSingleton<IOrderEventConsumer>(s => s.GetRequiredService<OrderNotificationOutbox>());
        services.AddSingleton<ICustomerProjection>(s => s.GetRequiredService<SqlCustomerProjection>());
        services.AddSingleton<IStockEventConsumer, StockAvailabilityProjection>();
        return services;
    }

    /// <summary>
    /// What an API that runs as a cluster client reads of the read models (catalog search, admin lists, the order mail
    /// outbox, whose failed mails it may also retry); the silos write them. Without these, such an API could not search the
    /// catalog. Only on PostgreSQL: a client has no share in the cluster's SQLite files.
    /// </summary>
    internal static IServiceCollection AddCommerceReadModelQueries(this IServiceCollection services, ShopOptions shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        if (shop.ReadModels.Resolve(shop.Storage) is ("postgres", _) && services.AddReadModelDatabase(shop))
        {
            services.AddCatalogSearch();
            services.AddListStores();

            // For the admins' order mails: the API reads and retries rows, the silos' mailers send them.
            services.TryAddSingleton<OrderNotificationOutbox>();
        }

        return services;
    }

    private static void AddListStores(this IServiceCollection services)
    {
        services.TryAddSingleton<OrderListStore>();
        services.TryAddSingleton<CustomerListStore>();
    }

    /// <summary>Registers the <see cref="ReadModelDatabase"/> the settings name; false when the host has none.</summary>
    private static bool AddReadModelDatabase(this IServiceCollection services, ShopOptions shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var settings = shop.ReadModels;
        if (settings.Resolve(shop.Storage) is not var (dialect, connectionString))
        {
            return false;
        }

        if (dialect == "sqlite")
        {
            var database = ReadModelDatabase.ForSqliteFile(Path.Combine(shop.DataDirectory, ReadModelDatabase.SqliteFileName));
            services.TryAddSingleton(database);
        }
        else if (settings.Authentication == ReadModelAuthentication.ManagedIdentity)
        {
            // A service, so that a test can stand in for Entra; the process's one credential otherwise (its token cache shared).
            services.TryAddSingleton<TokenCredential>(_ => AzureIdentity.Default);
            services.TryAddSingleton(s => new ReadModelDatabase(new NpgsqlDataSourceBuilder(connectionString)
                .UseEntraTokenPassword(s.GetRequiredService<TokenCredential>(), settings.TokenRefreshInterval)
                .Build()));
        }
        else
        {
            services.TryAddSingleton(new ReadModelDatabase(ReadModelDialect.Postgres, connectionString!));
        }

        services.AddHealthChecks().AddCheck<ReadModelHealthCheck>("readmodels", tags: [CommerceHealthExtensions.ReadyTag], timeout: CommerceHealthExtensions.CheckTimeout);
        return true;
    }
}
