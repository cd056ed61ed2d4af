using Orleans.Dashboard;
using OrleansShop.Api.Auth;
using OrleansShop.Api.Demo;
using OrleansShop.Api.Hosting;
using OrleansShop.Api.Limits;
using OrleansShop.Api.Payments;
using OrleansShop.Api.Schema;
using OrleansShop.Api.Storefront;
using OrleansShop.Api.Warmup;
using OrleansShop.Silo.Hosting;
using OrleansShop.Silo.Hosting.Commands;

namespace OrleansShop.Api;

/// <summary>
/// The shop's GraphQL API. Embedded mode (the default): one process co-hosts a silo with the commerce grains on a SQLite
/// file under OrleansShop:DataDirectory, creates the configured administrator, seeds a demo catalog, serves GraphQL
/// (Nitro in a browser) at /graphql and the shop's web app at / on http://localhost:5000 unless --urls says otherwise.
/// A first argument naming a command (<c>migrate</c>, <c>backup --to DIR</c>, <c>restore --from DIR</c>,
/// <c>dead-letters [--requeue]</c>) runs that instead.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (ShopCommands.IsCommand(args))
        {
            return await ShopCommands.RunAsync(args);
        }

        await Build(args).RunAsync();
        return 0;
    }

    public static WebApplication Build(string[] args) => Build(args, configure: null);

    /// <param name="args">Command-line arguments, configuration included.</param>
    /// <param name="configure">Last changes before the host is built (tests add a log provider or replace a service).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddCommerceKeyVault();
        builder.AddRequestLogDefault();
        builder.AddCommerceSilo(silo =>
        {
            if (DashboardEndpoints.IsEnabled(builder.Configuration, builder.Environment))
            {
                silo.AddDashboard();
            }
        });
        builder.Services.AddAuthorization();
        builder.Services.AddShopAuthentication(builder.Configuration);
        builder.Services.AddFirstAdministrator(builder.Configuration);
        builder.Services.AddDemoCatalog(builder.Configuration);
        builder.Services.AddSandboxPayments(builder.Configuration);
        builder.Services.AddShopGraphQL(builder.Environment);
        builder.Services.AddShopRateLimiting(builder.Configuration);
        builder.Services.AddCatalogWarmup(builder.Configuration);
        configure?.Invoke(builder);

        // A bad entry stops start-up, not the first request.
        var proxies = TrustedProxies.FromConfiguration(builder.Configuration);
        var frontDoor = FrontDoorOrigin.FromConfiguration(builder.Configuration);
        var app = builder.Build();
        app.UseForwardedHeadersBehind(frontDoor, proxies);
        app.UseShopRequestLogging();
        app.UseFrontDoorOnly(frontDoor);
        app.UseWebSockets();
        app.UseShopAuthentication();
        app.UseAuthorization();
        app.UseJsonForWildcardAccept("/graphql");
        app.MapGraphQL("/graphql");
        app.MapCommerceDashboard();
        app.MapCommerceHealth();
        app.MapSandboxPayments();
        app.MapStorefront();
        return app;
    }
}
