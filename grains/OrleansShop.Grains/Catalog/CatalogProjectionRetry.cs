using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans;

namespace OrleansShop.Grains;

/// <summary>
/// Keeps one grain's catalog projection current without ever losing an update: the grain runs it after each successful
/// state write and on activation; the projection always sends the grain's current state with its version, so repeats
/// and retries are harmless.
/// </summary>
internal static class CatalogProjectionRetry
{
    public static RetryUntilDone For(IGrainBase grain, IServiceProvider services, Func<ICatalogProjection, Task> project)
    {
        var projection = services.GetService<ICatalogProjection>() ?? NoCatalogProjection.Instance;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(typeof(CatalogProjectionRetry)) ?? NullLogger.Instance;
        return new RetryUntilDone(grain, () => project(projection), logger, "Catalog projection");
    }
}
