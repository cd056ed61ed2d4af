using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;

namespace OrleansShop.Providers.Sqlite;

/// <summary>Registers SQLite grain storage providers on a silo's services.</summary>
public static class SqliteGrainStorageServiceCollectionExtensions
{
    /// <summary>Adds SQLite grain storage as the default provider (used by <c>[PersistentState]</c> without a storage name).</summary>
    public static IServiceCollection AddSqliteGrainStorageAsDefault(this IServiceCollection services, Action<SqliteGrainStorageOptions> configureOptions) =>
        services.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Adds a SQLite grain storage provider under <paramref name="name"/>; a bad option fails silo start-up.</summary>
    public static IServiceCollection AddSqliteGrainStorage(this IServiceCollection services, string name, Action<SqliteGrainStorageOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configureOptions);
        services.AddOptions<SqliteGrainStorageOptions>(name).Configure(configureOptions);
        services.AddTransient<IPostConfigureOptions<SqliteGrainStorageOptions>, SqliteGrainStorageSerializerConfigurator>();
        services.AddTransient<IConfigurationValidator>(sp => new SqliteGrainStorageOptionsValidator(
            sp.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(name), name));
        return services.AddGrainStorage(name, Create);
    }

    private static SqliteGrainStorage Create(IServiceProvider services, string name) => new(
        name,
        services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
        services.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(name),
        services.GetRequiredService<IActivatorProvider>(),
        services.GetRequiredService<ILogger<SqliteGrainStorage>>());
}
