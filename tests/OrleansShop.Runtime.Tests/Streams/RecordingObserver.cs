using System.Collections.Concurrent;
using OrleansShop.Runtime.Streams;

namespace OrleansShop.Runtime.Tests.Streams;

/// <summary>A subscriber outside grains that records what it gets; it can be held at a gate or made to fail on chosen items.</summary>
internal sealed class RecordingObserver<T> : IAsyncObserver<T>
{
    private readonly ConcurrentQueue<T> items = new();
    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Exception> error = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int calls;
    private int concurrent;
    private readonly Func<T, bool>? failOn;
    private bool overlapped;

    public RecordingObserver(bool held = false, Func<T, bool>? failOn = null)
    {
        this.failOn = failOn;
        if (!held)
        {
            gate.TrySetResult();
        }
    }

    public IReadOnlyList<T> Items => [.. items];

    public int Calls => Volatile.Read(ref calls);

    public bool Overlapped => overlapped;

    public Task<Exception> Error => error.Task;

    public Task Completed => completed.Task;

    public void Release() => gate.TrySetResult();

    public async Task OnNextAsync(T item, StreamSequenceToken? token = null)
    {
        Interlocked.Increment(ref calls);
        if (Interlocked.Increment(ref concurrent) > 1)
        {
            overlapped = true;
        }

        try
        {
            await gate.Task;
            await Task.Yield();
            if (failOn?.Invoke(item) == true)
            {
                throw new InvalidOperationException($"Observer refuses {item}.");
            }

            items.Enqueue(item);
        }
        finally
        {
            Interlocked.Decrement(ref concurrent);
        }
    }

    public Task OnCompletedAsync()
    {
        completed.TrySetResult();
        return Task.CompletedTask;
    }

    public Task OnErrorAsync(Exception ex)
    {
        error.TrySetResult(ex);
        return Task.CompletedTask;
    }

    /// <summary>Waits (bounded) until the observer has been called <paramref name="count"/> times.</summary>
    public async Task WaitForCallsAsync(int count, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (Calls < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {Calls} of {count} items arrived within {seconds}s.");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        // The last call may still be finishing.
        while (Volatile.Read(ref concurrent) > 0)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }
}
