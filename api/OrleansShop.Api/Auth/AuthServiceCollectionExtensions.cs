using Microsoft.AspNetCore.Authentication;

namespace OrleansShop.Api.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>Access tokens signed with the configured (or development) key, checked against it and the previous keys, read from the Authorization header on every request.</summary>
    public static IServiceCollection AddShopAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection(AuthOptions.Section))
            .Validate(o => o.AccessTokenLifetime > TimeSpan.Zero, "OrleansShop:Auth:AccessTokenLifetime must be positive.")
            .ValidateOnStart();
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<AccessTokens>();
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        return services;
    }

    /// <summary>Creates (or promotes) the administrator named by OrleansShop:Admin when the host starts.</summary>
    public static IServiceCollection AddFirstAdministrator(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AdminOptions>(configuration.GetSection(AdminOptions.Section));
        services.AddHostedService<FirstAdministrator>();
        return services;
    }
}
