using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace OrleansShop.Grains;

/// <summary>
/// Keeps one grain's catalog projection current without ever losing an update. The grain calls <see cref="PublishAsync"/>
/// after each successful state write and on activation; the projection always sends the grain's current state with its
/// version, so a failed attempt is simply repeated on a timer (which keeps the activation alive) until one succeeds, and a
/// later success makes the pending retry unnecessary. A failure never fails the grain call: the state is already saved.
/// </summary>
internal sealed class CatalogProjectionRetry(IGrainBase grain, IServiceProvider services, Func<ICatalogProjection, Task> project)
{
    /// <summary>How long after a failure the projection is tried again: well under the second the read model may lag.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    private IGrainTimer? retry;

    public bool Pending => retry is not null;

    public async Task PublishAsync()
    {
        var projection = services.GetService<ICatalogProjection>() ?? NoCatalogProjection.Instance;
        try
        {
            await project(projection);
            retry?.Dispose();
            retry = null;
        }
        catch (Exception exception)
        {
            services.GetService<ILoggerFactory>()?.CreateLogger<CatalogProjectionRetry>()
                .LogWarning(exception, "Catalog projection of {Grain} failed; retrying every {Delay}.", grain.GrainContext.GrainId, RetryDelay);
            retry ??= grain.RegisterGrainTimer(PublishAsync, new GrainTimerCreationOptions(RetryDelay, RetryDelay) { KeepAlive = true });
        }
    }
}
