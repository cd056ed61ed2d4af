using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansShop.Runtime.Activations;
using OrleansShop.Runtime.Catalog;
using OrleansShop.Runtime.Configuration;
using OrleansShop.Runtime.Invocation;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Serialization;

namespace OrleansShop.Runtime.Hosting;

/// <summary>Adds a silo to a host (Orleans' UseOrleans): <c>builder.UseSilo(silo => silo.AddGrains(...).AddMemoryGrainStorage("Default"))</c>.</summary>
public static class SiloServiceCollectionExtensions
{
    public static IHostApplicationBuilder UseSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSilo(configure);
        return builder;
    }

    public static IHostBuilder UseSilo(this IHostBuilder builder, Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ConfigureServices(services => services.AddSilo(configure));
    }

    public static IServiceCollection AddSilo(this IServiceCollection services, Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (!services.Any(d => d.ServiceType == typeof(SiloRuntime)))
        {
            AddCoreServices(services);
        }

        configure(new SiloBuilder(services));
        return services;
    }

    private static void AddCoreServices(IServiceCollection services)
    {
        services.AddOptions<SiloOptions>()
            .Validate(o => !string.IsNullOrWhiteSpace(o.SiloName), "SiloOptions.SiloName must not be empty.")
            .Validate(o => o.MaxKeyLength > 0, "SiloOptions.MaxKeyLength must be positive.")
            .ValidateOnStart();
        services.AddOptions<SiloMessagingOptions>()
            .Validate(o => o.ResponseTimeout > TimeSpan.Zero, "SiloMessagingOptions.ResponseTimeout must be positive.")
            .Validate(o => o.ResponseTimeoutSweepInterval is null || o.ResponseTimeoutSweepInterval > TimeSpan.Zero, "SiloMessagingOptions.ResponseTimeoutSweepInterval must be positive.")
            .ValidateOnStart();
        services.AddOptions<GrainCollectionOptions>()
            .Validate(o => o.CollectionAge > TimeSpan.Zero, "GrainCollectionOptions.CollectionAge must be positive.")
            .Validate(o => o.CollectionQuantum > TimeSpan.Zero, "GrainCollectionOptions.CollectionQuantum must be positive.")
            .Validate(o => o.ActivationTimeout > TimeSpan.Zero && o.DeactivationTimeout > TimeSpan.Zero, "GrainCollectionOptions activation and deactivation timeouts must be positive.")
            .ValidateOnStart();
        services.AddOptions<ReminderOptions>()
            .Validate(o => o.MinimumReminderPeriod > TimeSpan.Zero, "ReminderOptions.MinimumReminderPeriod must be positive.")
            .Validate(o => o.RefreshReminderListPeriod > TimeSpan.Zero, "ReminderOptions.RefreshReminderListPeriod must be positive.")
            .ValidateOnStart();

        services.AddLogging();
        services.AddSingleton<GrainTypeCatalog>();
        services.AddSingleton<SiloRuntime>();
        services.AddSingleton<ActivationMaintenance>();
        services.AddSingleton<IGrainReferenceRuntime>(sp => sp.GetRequiredService<SiloRuntime>().Router);
        services.AddSingleton<IGrainFactory, GrainFactory>();
        services.AddSingleton<GrainJsonSerializer>();
        services.AddSingleton(sp => new ReminderService(
            sp.GetRequiredService<SiloRuntime>(), sp.GetRequiredService<IOptions<ReminderOptions>>(), sp.GetService<IReminderTable>()));
        services.AddSingleton<IReminderRegistry>(sp => sp.GetRequiredService<ReminderService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, Silo>());
    }
}
