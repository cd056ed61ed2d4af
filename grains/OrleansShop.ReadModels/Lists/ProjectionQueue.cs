using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OrleansShop.ReadModels.Lists;

/// <summary>
/// Applies projected updates to a read model on a background loop, in batches, keeping only the newest version per key.
/// A batch that fails is put back (unless a newer version arrived meanwhile) and tried again with a growing pause, so
/// an update is late while the database is unavailable, never lost while the process runs; the grains project again
/// on activation for what a stopped process still held.
/// </summary>
public sealed partial class ProjectionQueue<T> : IAsyncDisposable
    where T : class
{
    public const int MaxBatch = 500;

    private readonly ConcurrentDictionary<string, T> pending = new(StringComparer.Ordinal);
    private readonly Func<IReadOnlyList<T>, CancellationToken, Task> write;
    private readonly Func<T, string> keyOf;
    private readonly Func<T, long> versionOf;
    private readonly ILogger logger;
    private readonly SemaphoreSlim signal = new(0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private int signalled;
    private int busy;
    private int disposed;

    public ProjectionQueue(Func<IReadOnlyList<T>, CancellationToken, Task> write, Func<T, string> keyOf, Func<T, long> versionOf, ILogger logger)
    {
        this.write = write;
        this.keyOf = keyOf;
        this.versionOf = versionOf;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    /// <summary>The longest pause between retries of a failing batch.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Failed batch attempts so far (for tests and diagnostics).</summary>
    public int Failures => Volatile.Read(ref failures);

    private int failures;

    public void Enqueue(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Keep(item);
        if (Interlocked.Exchange(ref signalled, 1) == 0)
        {
            signal.Release();
        }
    }

    /// <summary>Waits until everything enqueued so far is stored.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (!pending.IsEmpty || Volatile.Read(ref busy) == 1)
        {
            await Task.Delay(5, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Twice is normal: a container disposes a singleton once per registration that hands it out.
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await FlushAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                LogUnflushed(logger, pending.Count);
            }
        }

        await stopping.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        stopping.Dispose();
        signal.Dispose();
    }

    private async Task RunAsync()
    {
        var token = stopping.Token;
        var delay = TimeSpan.FromMilliseconds(50);
        while (!token.IsCancellationRequested)
        {
            await signal.WaitAsync(token);
            Volatile.Write(ref signalled, 0);
            while (!pending.IsEmpty)
            {
                Volatile.Write(ref busy, 1);
                var batch = Take();
                try
                {
                    await write(batch, token);
                    delay = TimeSpan.FromMilliseconds(50);
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    Interlocked.Increment(ref failures);
                    LogWriteFailed(logger, e, batch.Count);
                    foreach (var item in batch)
                    {
                        Keep(item);
                    }

                    Volatile.Write(ref busy, 0);
                    await Task.Delay(delay, token);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
                }
                finally
                {
                    Volatile.Write(ref busy, 0);
                }
            }
        }
    }

    private List<T> Take()
    {
        var batch = new List<T>(Math.Min(pending.Count, MaxBatch));
        foreach (var entry in pending)
        {
            // Removes the entry only if it is still this version; a newer one that just arrived stays for the next batch.
            if (pending.TryRemove(entry))
            {
                batch.Add(entry.Value);
                if (batch.Count == MaxBatch)
                {
                    break;
                }
            }
        }

        return batch;
    }

    private void Keep(T item) =>
        pending.AddOrUpdate(keyOf(item), item, (_, existing) => versionOf(existing) > versionOf(item) ? existing : item);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A read-model batch of {Count} update(s) could not be written; it will be retried")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} read-model update(s) were still pending at shutdown; the grains project them again when next activated")]
    private static partial void LogUnflushed(ILogger logger, int count);
}
