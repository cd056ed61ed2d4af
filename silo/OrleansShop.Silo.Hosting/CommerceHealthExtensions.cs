using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansShop.Silo.Hosting.Health;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// Health for orchestrators and load balancers, the same on every host: <c>/health/live</c> answers 200 while the process
/// serves HTTP and checks nothing (a restart would not mend a database outage); <c>/health/ready</c> answers 200 only
/// while this process can serve grain calls: its silo Active (a cluster client: a gateway connected), the storage database
/// answering, the read-model database answering (where the host has read models), the commerce stream provider present;
/// otherwise 503. <c>/health</c> stays what it was, a liveness answer.
/// </summary>
public static class CommerceHealthExtensions
{
    public const string ReadyTag = "ready";

    // A check that hangs (a database behind a dropped route) makes the probe fail in time instead of piling up.
    internal static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    internal static IHealthChecksBuilder AddCommerceHealthChecks(this IServiceCollection services, ShopOptions shop)
    {
        var checks = services.AddHealthChecks();
        if (shop.Cluster.Mode == ClusterMode.Client)
        {
            checks.AddCheck<ClusterConnectionHealthCheck>("cluster", tags: [ReadyTag], timeout: CheckTimeout);
        }
        else
        {
            checks.AddCheck<SiloStatusHealthCheck>("silo", tags: [ReadyTag], timeout: CheckTimeout);
            checks.AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag], timeout: CheckTimeout);
        }

        return checks.AddCheck<StreamProviderHealthCheck>("streams", tags: [ReadyTag], timeout: CheckTimeout);
    }

    public static IEndpointRouteBuilder MapCommerceHealth(this IEndpointRouteBuilder endpoints)
    {
        var liveness = new HealthCheckOptions { Predicate = _ => false };
        endpoints.MapHealthChecks("/health", liveness);
        endpoints.MapHealthChecks("/health/live", liveness);
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReportAsync,
        });
        return endpoints;
    }

    /// <summary><c>{"status":"Unhealthy","checks":{"storage":{"status":"Unhealthy","description":"sqlite storage unreachable"},...}}</c>.</summary>
    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description });
        return JsonSerializer.SerializeAsync(context.Response.Body, new { status = report.Status.ToString(), checks }, cancellationToken: context.RequestAborted);
    }
}
