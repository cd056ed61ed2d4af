using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Providers;
using OrleansShop.Grains;
using OrleansShop.Providers.AdoNet;
using OrleansShop.Providers.Sqlite;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// Grain state, reminders and the streams' pub-sub state on the configured database: our SQLite providers in a file
/// of the data directory (the embedded default), or Orleans' ADO.NET providers on PostgreSQL or SQL Server, whose
/// schema is applied at start-up when it is absent.
/// </summary>
internal static class CommerceStorageExtensions
{
    public static ISiloBuilder UseCommerceStorage(this ISiloBuilder silo, ShopOptions shop, IConfiguration configuration)
    {
        // The order grain's reminder ticks as often as its settings say (tests and demos use seconds); Orleans refuses
        // periods below its minimum, which is one minute unless lowered.
        var orders = configuration.GetSection(CommerceServiceCollectionExtensions.CheckoutSection).Get<OrderOptions>() ?? new OrderOptions();
        silo.Configure<ReminderOptions>(o =>
        {
            if (orders.ReminderPeriod < o.MinimumReminderPeriod)
            {
                o.MinimumReminderPeriod = orders.ReminderPeriod;
            }
        });

        if (shop.Storage.AdoNetDialect is not { } dialect)
        {
            var file = shop.SqliteDatabasePath;
            return silo
                .AddSqliteGrainStorageAsDefault(o => o.DatabasePath = file)
                .AddSqliteGrainStorage(CommerceSiloExtensions.PubSubStore, o => o.DatabasePath = file)
                .UseSqliteReminderService(o => o.DatabasePath = file);
        }

        var invariant = AdoNetInvariants.For(dialect);
        var connectionString = shop.Storage.RequireConnectionString();
        return silo
            .AddAdoNetSchemaMigration(dialect, connectionString)
            .AddAdoNetGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, o => (o.Invariant, o.ConnectionString) = (invariant, connectionString))
            .AddAdoNetGrainStorage(CommerceSiloExtensions.PubSubStore, o => (o.Invariant, o.ConnectionString) = (invariant, connectionString))
            .UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (invariant, connectionString));
    }
}
