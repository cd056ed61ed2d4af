using OrleansShop.Api.Catalog;
using OrleansShop.Grains;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Sql;
using OrleansShop.Runtime.Storage;

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
        builder.UseSilo(silo =>
        {
            silo.AddGrains(typeof(CommerceServiceCollectionExtensions).Assembly);
            silo.AddGrains(typeof(ProductListGrain).Assembly);
            AddStorage(silo, shop.Storage, shop.DataDirectory);
        });
        return builder;
    }

    // The same wiring as silo/OrleansShop.Silo's ShopStorage (a host program cannot be referenced), so both hosts read
    // OrleansShop:Storage identically.
    private static void AddStorage(ISiloBuilder silo, StorageSettings storage, string dataDirectory)
    {
        const string store = PersistentStateAttribute.DefaultStorageName;
        switch (storage.Provider.Trim().ToLowerInvariant())
        {
            case "sqlite":
                silo.AddSqliteGrainStorage(store, o => o.DataDirectory = dataDirectory);
                silo.UseSqliteReminders(o => o.DataDirectory = dataDirectory);
                break;
            case "postgres" or "postgresql" or "npgsql":
                var pg = RequireConnectionString(storage);
                silo.AddPostgresGrainStorage(store, o => o.ConnectionString = pg);
                silo.UsePostgresReminders(o => o.ConnectionString = pg);
                break;
            case "sqlserver" or "mssql" or "azuresql":
                var ms = RequireConnectionString(storage);
                silo.AddSqlServerGrainStorage(store, o => o.ConnectionString = ms);
                silo.UseSqlServerReminders(o => o.ConnectionString = ms);
                break;
            default:
                throw new InvalidOperationException(
                    $"OrleansShop:Storage:Provider '{storage.Provider}' is not known; use sqlite, postgres or sqlserver.");
        }
    }

    private static string RequireConnectionString(StorageSettings storage) =>
        string.IsNullOrWhiteSpace(storage.ConnectionString)
            ? throw new InvalidOperationException($"OrleansShop:Storage:ConnectionString is required for the '{storage.Provider}' provider.")
            : storage.ConnectionString;
}
