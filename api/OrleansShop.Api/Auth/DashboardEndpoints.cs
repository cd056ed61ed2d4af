using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using OrleansShop.Silo.Hosting;

namespace OrleansShop.Api.Auth;

internal static class DashboardEndpoints
{
    public const string Path = "/dashboard";

    /// <summary>Where an operator turns the dashboard off (it is on unless this says false).</summary>
    public const string EnabledKey = "OrleansShop:Dashboard:Enabled";

    /// <summary>
    /// The dashboard listens to every Orleans meter for as long as the silo runs, which makes the runtime record its
    /// per-message metrics; a deployment that reads them through OpenTelemetry instead can save that cost.
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue(EnabledKey, defaultValue: true);

    /// <summary>
    /// The Orleans dashboard of the co-hosted silo at <see cref="Path"/>: for administrators only (an admin's bearer
    /// token), open to anyone only in Development, where Kestrel listens on localhost. A cluster client has no silo to show.
    /// </summary>
    public static WebApplication MapCommerceDashboard(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration) || app.Services.GetRequiredService<IOptions<ShopOptions>>().Value.Cluster.Mode == ClusterMode.Client)
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
