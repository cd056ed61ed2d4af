using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansShop.Grains;
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
    /// read-model database, kept current by the grains through their projection ports and by the order and stock events.
    /// Every silo registers them, because whichever silo runs a product grain or an event partition is the one that
    /// projects it. Storage without read models (SQL Server) gets none.
    /// </summary>
    public static IServiceCollection AddCommerceReadModels(this IServiceCollection services, ShopOptions shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        if (shop.Storage.Dialect is not ("sqlite" or "postgres"))
        {
            return services;
        }

        var database = ReadModelDatabase.ForStorage(shop.Storage.Dialect, shop.Storage.ConnectionString, shop.DataDirectory);
        services.TryAddSingleton(database);
        services.AddCatalogReadModel(database);
        services.AddSingleton<OrderListStore>();
        services.AddSingleton<CustomerListStore>();
        services.AddSingleton<OrderListProjection>();
        services.AddSingleton<OrderNotificationOutbox>();
        services.AddSingleton<SqlCustomerProjection>();
        services.AddSingleton<IOrderEventConsumer>(s => s.GetRequiredService<OrderListProjection>());
        services.AddSingleton<IOrderEventConsumer>(s => s.GetRequiredService<OrderNotificationOutbox>());
        services.AddSingleton<ICustomerProjection>(s => s.GetRequiredService<SqlCustomerProjection>());
        services.AddSingleton<IStockEventConsumer, StockAvailabilityProjection>();
        return services;
    }
}
