namespace OrleansShop.Api.Auth;

public static class AuthApplicationBuilderExtensions
{
    /// <summary>Reads each request's bearer token into its user; the signing keys are resolved now, so a missing or short key fails start-up.</summary>
    public static WebApplication UseShopAuthentication(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.Services.GetRequiredService<AccessTokens>();
        app.UseAuthentication();
        return app;
    }
}
