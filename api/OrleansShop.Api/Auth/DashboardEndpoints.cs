using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using OrleansShop.Silo.Hosting;

namespace OrleansShop.Api.Auth;

internal static class DashboardEndpoints
{
    public const string Path = "/dashboard";

    /// <summary>Where an operator turns the dashboard on or off; unset, it is on in Development only.</summary>
    public const string EnabledKey = "OrleansShop:Dashboard:Enabled";

    /// <summary>
    /// The dashboard listens to every Orleans meter for as long as the silo runs, which makes the runtime record its
    /// per-message metrics: with it on, the catalog query served 27% fewer requests per second (bench/RESULTS-e2e.md,
    /// dashboard on/off). So a production silo runs without it unless an operator asks for it, and reads the same
    /// metrics through OpenTelemetry.
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue(EnabledKey, defaultValue: environment.IsDevelopment());

    /// <summary>
    /// The Orleans dashboard of the co-hosted silo at <see cref="Path"/>: for administrators only (an admin's bearer
    /// token), open to anyone only in Development, where Kestrel listens on localhost. A cluster client has no silo to show.
    /// </summary>
    public static WebApplication MapCommerceDashboard(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration, app.Environment) || app.Services.GetRequiredService<IOptions<ShopOptions>>().Value.Cluster.Mode == ClusterMode.Client)
        {
            return app;
        }

        var dashboard = app.MapOrleansDashboard(routePrefix: Path);
        if (!app.Environment.IsDevelopment())
        {
            dashboard.RequireAuthorization(policy => policy.RequireRole(ShopClaims.AdminRole));
        }

        return app;
    }
}
