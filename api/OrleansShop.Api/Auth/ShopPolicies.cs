namespace OrleansShop.Api.Auth;

/// <summary>
/// The ASP.NET Core authorization policies the schema's <c>@authorize</c> fields name. Both need an administrator; they
/// differ in what a caller who is not one is told.
/// </summary>
public static class ShopPolicies
{
    /// <summary>Admin-only operations (the order and customer lists): an anonymous caller is told to sign in.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Admin-only figures on public objects (stock on hand and reserved): anyone else is refused outright.</summary>
    public const string AdministratorData = "AdministratorData";

    public static IServiceCollection AddShopPolicies(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(Administrator, policy => policy.RequireRole(ShopClaims.AdminRole))
            .AddPolicy(AdministratorData, policy => policy.RequireRole(ShopClaims.AdminRole))
            .Services;
}
