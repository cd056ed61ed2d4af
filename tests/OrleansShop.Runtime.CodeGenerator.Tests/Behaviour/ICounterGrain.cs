using OrleansShop.Runtime.Concurrency;

namespace OrleansShop.Runtime.CodeGenerator.Tests.Behaviour;

/// <summary>A grain interface compiled with the generator as an analyzer, so its proxy is the real generated one.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> AddAsync(int amount, CancellationToken cancellationToken);

    [ReadOnly]
    Task<int> GetAsync();

    [ReadOnly]
    [AlwaysInterleave]
    ValueTask<string?> DescribeAsync(string? prefix);

    Task ResetAsync();

    ValueTask ResetLaterAsync();

    [OneWay]
    Task NotifyAsync(string message);

    [OneWay]
    ValueTask NotifyLaterAsync(string message);

    Task<(int Count, IReadOnlyList<string> Log)> SnapshotAsync();

    Task RecordAsync(string @event, (string Name, int Value) pair);

    Task RecordAsync(string @event);

    Task FailAsync(string message);

    Task<int> FailBeforeReturningTaskAsync();
}
