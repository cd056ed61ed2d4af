using System.Collections.Concurrent;

namespace OrleansShop.Providers.AdoNet.Tests.Grains;

/// <summary>A silo singleton where reminder probes report their ticks, so a test can wait for one.</summary>
public sealed class ReminderTicks
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _ticks = new(StringComparer.Ordinal);

    public void Record(Guid grain, string reminderName) => For(grain, reminderName).TrySetResult();

    public Task FirstTick(Guid grain, string reminderName) => For(grain, reminderName).Task;

    private TaskCompletionSource For(Guid grain, string reminderName) =>
        _ticks.GetOrAdd($"{grain:N}/{reminderName}", _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
