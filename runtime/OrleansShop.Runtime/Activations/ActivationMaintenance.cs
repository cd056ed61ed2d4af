using System.Diagnostics;
using Microsoft.Extensions.Options;
using OrleansShop.Runtime.Configuration;
using OrleansShop.Runtime.Diagnostics;

namespace OrleansShop.Runtime.Activations;

/// <summary>
/// The silo's two periodic sweeps over its activations: failing calls past their deadline (one sweep instead of a
/// timer per call keeps the call path free of timers), and deactivating activations idle for the collection age.
/// </summary>
internal sealed class ActivationMaintenance : IAsyncDisposable
{
    private readonly SiloRuntime runtime;
    private readonly TimeSpan sweepInterval;
    private readonly GrainCollectionOptions collection;
    private readonly CancellationTokenSource stopping = new();
    private Task? sweeping;
    private Task? collecting;

    public ActivationMaintenance(SiloRuntime runtime, IOptions<SiloMessagingOptions> messaging, IOptions<GrainCollectionOptions> collection)
    {
        this.runtime = runtime;
        sweepInterval = messaging.Value.EffectiveSweepInterval;
        this.collection = collection.Value;
    }

    public void Start()
    {
        sweeping = RunEveryAsync(sweepInterval, SweepTimeouts, nameof(SweepTimeouts));
        collecting = RunEveryAsync(collection.CollectionQuantum, CollectIdle, nameof(CollectIdle));
    }

    public void SweepTimeouts()
    {
        var expired = new List<ActivationWork>();
        var startedBefore = Stopwatch.GetTimestamp() - (long)(runtime.ResponseTimeout.TotalSeconds * Stopwatch.Frequency);
        runtime.Directory.SweepTimeouts(startedBefore, expired);
        foreach (var work in expired)
        {
            work.TimeOut(new TimeoutException(
                $"Response did not arrive on time in {runtime.ResponseTimeout} for {work.Describe()}."));
        }
    }

    public void CollectIdle() =>
        runtime.Directory.CollectIdle(Environment.TickCount64, (long)collection.CollectionAge.TotalMilliseconds);

    public async ValueTask DisposeAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        foreach (var loop in new[] { sweeping, collecting })
        {
            if (loop is not null)
            {
                await loop.ConfigureAwait(false);
            }
        }
    }

    private async Task RunEveryAsync(TimeSpan period, Action action, string name)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token).ConfigureAwait(false))
            {
                // A failed sweep must not end the loop: timeouts and idle collection would stop for the process.
                try
                {
                    action();
                }
                catch (Exception exception)
                {
                    RuntimeLog.MaintenanceFailed(runtime.Logger, exception, name);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
