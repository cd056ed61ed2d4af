namespace OrleansShop.Runtime.CodeGenerator.Tests.Behaviour;

/// <summary>The grain object behind the proxy; some methods yield so that the requests' asynchronous paths run too.</summary>
internal sealed class CounterGrain : IAuditedCounterGrain, Nesting.INestedGrain
{
    private int count;

    public List<string> Log { get; } = [];

    public CancellationToken LastToken { get; private set; }

    public int ExplicitResets { get; private set; }

    public async Task<int> AddAsync(int amount, CancellationToken cancellationToken)
    {
        LastToken = cancellationToken;
        await Task.Yield();
        count += amount;
        return count;
    }

    public Task<int> GetAsync() => Task.FromResult(count);

    public ValueTask<string?> DescribeAsync(string? prefix) => new(prefix is null ? null : prefix + count);

    public async Task ResetAsync()
    {
        await Task.Yield();
        count = 0;
        Log.Add("reset");
    }

    Task IAuditedCounterGrain.ResetAsync()
    {
        ExplicitResets++;
        return Task.CompletedTask;
    }

    public async ValueTask ResetLaterAsync()
    {
        await Task.Yield();
        count = 0;
        Log.Add("reset later");
    }

    public Task NotifyAsync(string message)
    {
        Log.Add(message);
        return Task.CompletedTask;
    }

    public ValueTask NotifyLaterAsync(string message)
    {
        Log.Add(message);
        return ValueTask.CompletedTask;
    }

    public Task<(int Count, IReadOnlyList<string> Log)> SnapshotAsync() => Task.FromResult<(int, IReadOnlyList<string>)>((count, Log.ToArray()));

    public Task RecordAsync(string @event, (string Name, int Value) pair)
    {
        Log.Add($"{@event}:{pair.Name}={pair.Value}");
        return Task.CompletedTask;
    }

    public Task RecordAsync(string @event)
    {
        Log.Add(@event);
        return Task.CompletedTask;
    }

    public async Task FailAsync(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }

    public Task<int> FailBeforeReturningTaskAsync() => throw new NotSupportedException("not even a task");

    public Task<int> AuditCountAsync() => Task.FromResult(Log.Count);

    public Task<Guid> EchoAsync(Guid value) => Task.FromResult(value);
}
