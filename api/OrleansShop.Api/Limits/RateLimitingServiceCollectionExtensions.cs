using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrleansShop.Api.Limits;

public static class RateLimitingServiceCollectionExtensions
{
    /// <summary>Per-client query-cost budgets and sign-in attempt limits (OrleansShop:RateLimiting).</summary>
    public static IServiceCollection AddShopRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RateLimitingOptions>()
            .Bind(configuration.GetSection(RateLimitingOptions.Section))
            .Validate(o => !o.Problems().Any(), "OrleansShop:RateLimiting is invalid: every budget needs a positive Capacity and RefillPerSecond, and MaxTrackedClients must be at least 1.")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<QueryCostLimiter>();
        services.AddSingleton<SignInLimiter>();
        return services;
    }
}
