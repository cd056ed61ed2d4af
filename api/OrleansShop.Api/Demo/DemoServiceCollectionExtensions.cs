namespace OrleansShop.Api.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>Seeds the demo catalog when the host starts, unless OrleansShop:Demo:Seed is false.</summary>
    public static IServiceCollection AddDemoCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.AddHostedService<DemoCatalog>();
        return services;
    }
}
