using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace OrleansShop.Silo.Hosting.Health;

/// <summary>
/// Ready while this process's silo is Active in the cluster's membership: not while it joins, nor once it is shutting down
/// (a load balancer then stops sending it requests before it leaves), nor when the cluster has declared it dead.
/// </summary>
internal sealed class SiloStatusHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("silo active")
            : HealthCheckResult.Unhealthy($"silo {status}"));
    }
}
