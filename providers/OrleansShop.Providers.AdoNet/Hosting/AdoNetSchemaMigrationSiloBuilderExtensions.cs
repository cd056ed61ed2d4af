using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;

namespace OrleansShop.Providers.AdoNet;

public static class AdoNetSchemaMigrationSiloBuilderExtensions
{
    /// <summary>
    /// Applies the missing schema scripts to a database when the silo starts, before Orleans' ADO.NET providers
    /// read <c>OrleansQuery</c>. Call once per database (clustering, storage and reminders may share one).
    /// </summary>
    public static ISiloBuilder AddAdoNetSchemaMigration(this ISiloBuilder builder, AdoNetDialect dialect, string connectionString) =>
        builder.AddAdoNetSchemaMigration(options =>
        {
            options.Dialect = dialect;
            options.ConnectionString = connectionString;
        });

    /// <inheritdoc cref="AddAdoNetSchemaMigration(ISiloBuilder, AdoNetDialect, string)"/>
    public static ISiloBuilder AddAdoNetSchemaMigration(this ISiloBuilder builder, Action<AdoNetSchemaMigrationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);

        // One options instance per call rather than IOptions<T>: a silo may keep clustering and grain state in
        // different databases, and each call then migrates its own.
        var options = new AdoNetSchemaMigrationOptions();
        configure(options);
        builder.Services.AddSingleton<IConfigurationValidator>(new AdoNetSchemaMigrationOptionsValidator(options));
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
            new AdoNetSchemaMigrationLifecycleParticipant(options, services.GetRequiredService<ILogger<AdoNetSchemaMigrationLifecycleParticipant>>()));
        return builder;
    }
}
