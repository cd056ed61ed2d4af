using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OrleansShop.ReadModels.Lists;

/// <summary>
/// Applies projected updates to a read model on a background loop, in batches, keeping only the newest version per key.
/// A batch that fails is put back (unless a newer version arrived meanwhile) and tried again with a growing pause, so
/// an update is late while the database is unavailable, never lost while the process runs. A caller that must know its
/// update is stored (a stream consumer, which acknowledges the event by returning) waits with
/// <see cref="EnqueueAndWaitAsync"/> and still shares the batch with every other caller.
/// </summary>
public sealed partial class ProjectionQueue<T> : IAsyncDisposable
    where T : class
{
    public const int MaxBatch = 500;

    private readonly ConcurrentDictionary<string, T> pending = new(StringComparer.Ordinal);

    // Callers waiting for a key to be stored at their version or newer; guarded by locking the dictionary itself.
    private readonly Dictionary<string, List<Waiter>> waiters = new(StringComparer.Ordinal);
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

    /// <summary>How long <see cref="EnqueueAndWaitAsync"/> waits for the database before it gives up with a <see cref="TimeoutException"/>.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(10);

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

    /// <summary>
    /// Enqueues <paramref name="item"/> and completes once it, or a newer version of its key, is stored; throws
    /// <see cref="TimeoutException"/> after <see cref="MaxWait"/> (the update stays queued and is still written later).
    /// </summary>
    public async Task EnqueueAndWaitAsync(T item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var key = keyOf(item);
        var waiter = new Waiter(versionOf(item), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (waiters)
        {
            if (!waiters.TryGetValue(key, out var waiting))
            {
                waiters[key] = waiting = [];
            }

            waiting.Add(waiter);
        }

        // Registered before it is queued, so a write that finishes at once cannot be missed.
        Enqueue(item);
        try
        {
            await waiter.Stored.Task.WaitAsync(MaxWait, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            lock (waiters)
            {
                if (waiters.TryGetValue(key, out var waiting) && waiting.Remove(waiter) && waiting.Count == 0)
                {
                    waiters.Remove(key);
                }
            }

            throw;
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
                    Acknowledge(batch);
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

    private void Acknowledge(List<T> stored)
    {
        lock (waiters)
        {
            if (waiters.Count == 0)
            {
                return;
            }

            foreach (var item in stored)
            {
                var key = keyOf(item);
                if (!waiters.TryGetValue(key, out var waiting))
                {
                    continue;
                }

                var version = versionOf(item);
                waiting.RemoveAll(w => w.Version <= version && w.Stored.TrySetResult());
                if (waiting.Count == 0)
                {
                    waiters.Remove(key);
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

    private sealed record Waiter(long Version, TaskCompletionSource Stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A read-model batch of {Count} update(s) could not be written; it will be retried")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} read-model update(s) were still pending at shutdown; they are written again when their grains next activate or their events are delivered again")]
    private static partial void LogUnflushed(ILogger logger, int count);
}
