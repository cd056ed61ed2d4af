using OrleansShop.Silo.Hosting;

namespace OrleansShop.Api.Warmup;

public static class WarmupServiceCollectionExtensions
{
    /// <summary>The catalog warm-up and its readiness check, when <c>OrleansShop:Warmup:Requests</c> is above 0.</summary>
    public static IServiceCollection AddCatalogWarmup(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(WarmupOptions.Section);
        var settings = section.Get<WarmupOptions>() ?? new WarmupOptions();
        if (settings.Requests <= 0)
        {
            return services;
        }

        if (settings.Concurrency < 1 || settings.Timeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{WarmupOptions.Section}:Concurrency must be at least 1 and {WarmupOptions.Section}:Timeout above zero.");
        }

        services.Configure<WarmupOptions>(section);
        services.AddSingleton<WarmupProgress>();
        services.AddHostedService<CatalogWarmup>();
        services.AddHealthChecks().AddCheck<WarmupHealthCheck>(WarmupHealthCheck.Name, tags: [CommerceHealthExtensions.ReadyTag]);
        return services;
    }
}
