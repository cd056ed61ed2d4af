using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;
using Orleans.Streams;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Silo.Hosting.Health;

/// <summary>
/// Ready only with the stream providers this process uses: the live commerce streams the subscriptions read, and on a
/// silo also the domain-event provider its grains publish to.
/// </summary>
internal sealed class StreamProviderHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var wanted = services.GetService<ILocalSiloDetails>() is null
            ? [CommerceStreams.Provider]
            : new[] { CommerceStreams.Provider, DomainEvents.Provider };
        var missing = wanted.Where(name => services.GetKeyedService<IStreamProvider>(name) is null).ToList();
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy($"stream providers {string.Join(", ", wanted.Select(n => $"'{n}'"))}")
            : HealthCheckResult.Unhealthy($"no stream provider {string.Join(", ", missing.Select(n => $"'{n}'"))}"));
    }
}
