using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Streams;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Silo.Hosting.Health;

/// <summary>Ready only with the commerce stream provider, which the subscriptions and projections read.</summary>
internal sealed class StreamProviderHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(services.GetKeyedService<IStreamProvider>(CommerceStreams.Provider) is not null
            ? HealthCheckResult.Healthy($"stream provider '{CommerceStreams.Provider}'")
            : HealthCheckResult.Unhealthy($"no stream provider '{CommerceStreams.Provider}'"));
}
