using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;

namespace OrleansShop.Providers.Sqlite;

/// <summary>Adds reminders stored in SQLite to a silo.</summary>
public static class SqliteReminderSiloBuilderExtensions
{
    /// <summary>
    /// Adds Orleans' reminder service with its table in a SQLite file; a missing database path fails silo start-up.
    /// </summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<SqliteReminderTableOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.UseSqliteReminderService(configureOptions);
        return builder;
    }

    /// <summary>As the silo builder overload, on the silo's services.</summary>
    public static IServiceCollection UseSqliteReminderService(this IServiceCollection services, Action<SqliteReminderTableOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configureOptions);
        services.AddReminders();
        services.AddSingleton<IReminderTable, SqliteReminderTable>();
        services.AddSingleton<IConfigurationValidator, SqliteReminderTableOptionsValidator>();
        services.AddOptions<SqliteReminderTableOptions>().Configure(configureOptions);
        return services;
    }
}
