using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansShop.Grains;
using OrleansShop.ReadModels;
using OrleansShop.ReadModels.Customers;
using OrleansShop.ReadModels.Orders;

namespace OrleansShop.Api.Hosting;

public static class AdminListsServiceCollectionExtensions
{
    /// <summary>
    /// The admin order and customer lists: SQL read models in the read-model database, kept current by the order and
    /// customer grains through their projection ports. Storage without read models (SQL Server) gets no lists.
    /// </summary>
    public static IServiceCollection AddAdminLists(this IServiceCollection services, IConfiguration configuration)
    {
        var shop = configuration.GetSection(ShopOptions.Section).Get<ShopOptions>() ?? new ShopOptions();
        if (shop.Storage.Dialect is not ("sqlite" or "postgres"))
        {
            return services;
        }

        services.TryAddSingleton(s =>
        {
            var options = s.GetRequiredService<IOptions<ShopOptions>>().Value;
            return ReadModelDatabase.FromSettings(options.Storage, options.DataDirectory);
        });
        services.AddSingleton<OrderListStore>();
        services.AddSingleton<CustomerListStore>();
        services.AddSingleton<SqlOrderProjection>();
        services.AddSingleton<SqlCustomerProjection>();
        services.AddSingleton<IOrderProjection>(s => s.GetRequiredService<SqlOrderProjection>());
        services.AddSingleton<ICustomerProjection>(s => s.GetRequiredService<SqlCustomerProjection>());
        return services;
    }
}
