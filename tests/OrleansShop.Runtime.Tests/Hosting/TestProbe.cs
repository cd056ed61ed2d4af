using System.Collections.Concurrent;

namespace OrleansShop.Runtime.Tests.Hosting;

/// <summary>Where test grains report what happened to them, shared through DI.</summary>
public sealed class TestProbe
{
    private readonly ConcurrentQueue<string> events = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> signals = new();

    public IReadOnlyCollection<string> Events => events;

    public void Record(string e)
    {
        events.Enqueue(e);
        Signal(e).TrySetResult();
    }

    public int Count(string e) => events.Count(x => x == e);

    public TaskCompletionSource Signal(string name) =>
        signals.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Waits (bounded) until <paramref name="e"/> has been recorded.</summary>
    public Task WaitFor(string e, int seconds = 10) =>
        Signal(e).Task.WaitAsync(TimeSpan.FromSeconds(seconds), TestContext.Current.CancellationToken);
}
