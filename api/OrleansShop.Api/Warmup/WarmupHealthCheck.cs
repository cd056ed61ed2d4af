using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace OrleansShop.Api.Warmup;

/// <summary>Not ready while the catalog warm-up runs, so the load balancer sends a new process traffic only once it is warm.</summary>
internal sealed class WarmupHealthCheck(WarmupProgress progress, IOptions<WarmupOptions> options) : IHealthCheck
{
    public const string Name = "warmup";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(progress.Outcome is { } outcome
            ? HealthCheckResult.Healthy(outcome)
            : HealthCheckResult.Unhealthy($"warming up: {progress.Completed} of {options.Value.Requests} catalog reads"));
}
