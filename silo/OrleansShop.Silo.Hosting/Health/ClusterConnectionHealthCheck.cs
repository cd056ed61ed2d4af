using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansShop.Silo.Hosting.Health;

/// <summary>A cluster client is ready while it has a gateway to send grain calls to.</summary>
internal sealed class ClusterConnectionHealthCheck(ClusterConnectionStatus connection) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(connection.IsConnected
            ? HealthCheckResult.Healthy("connected to the cluster")
            : HealthCheckResult.Unhealthy("no gateway of the cluster is connected"));
}
