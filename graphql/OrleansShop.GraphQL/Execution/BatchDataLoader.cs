namespace OrleansShop.GraphQL.Execution;

/// <summary>
/// A DataLoader that fetches many keys with one call (HotChocolate's <c>BatchDataLoader</c>): keys loaded in the same tick of a
/// request become one <see cref="LoadBatchAsync"/> call, and each key is fetched at most once per request.
/// Derive from it, or use <see cref="IResolverContext.BatchDataLoader{TKey, TValue}"/> with a delegate.
/// A key missing from the batch result loads as <c>default</c> (null).
/// </summary>
public abstract class BatchDataLoader<TKey, TValue> : IDataLoader, IBatchDispatcher
    where TKey : notnull
{
    private readonly object _gate = new();
    private readonly Dictionary<TKey, Task<TValue>> _cache = [];
    private Dictionary<TKey, TaskCompletionSource<TValue>>? _batch;
    private BatchScheduler? _scheduler;
    private CancellationToken _cancellationToken;

    /// <summary>The largest number of keys per batch; 0 for no limit.</summary>
    protected virtual int MaxBatchSize => 0;

    public Task<TValue> LoadAsync(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var scheduleNow = false;
        Task<TValue> task;
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var completion = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
            task = completion.Task;
            _cache[key] = task;
            if (_batch is null)
            {
                _batch = [];
                scheduleNow = true;
            }

            _batch[key] = completion;
        }

        if (scheduleNow)
        {
            if (_scheduler is null)
            {
                // Used outside an executor: fetch right away.
                DispatchBatch();
            }
            else
            {
                _scheduler.Schedule(this);
            }
        }

        return task;
    }

    public async Task<IReadOnlyList<TValue>> LoadAsync(IReadOnlyList<TKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var tasks = new Task<TValue>[keys.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = LoadAsync(keys[i]);
        }

        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>Fetches the values of a batch of distinct keys.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    void IBatchDispatcher.Attach(BatchScheduler scheduler, CancellationToken cancellationToken)
    {
        _scheduler = scheduler;
        _cancellationToken = cancellationToken;
    }

    void IBatchDispatcher.DispatchBatch() => DispatchBatch();

    private void DispatchBatch()
    {
        Dictionary<TKey, TaskCompletionSource<TValue>>? batch;
        lock (_gate)
        {
            batch = _batch;
            _batch = null;
        }

        if (batch is null || batch.Count == 0)
        {
            return;
        }

        var keys = batch.Keys.ToArray();
        var size = MaxBatchSize > 0 ? MaxBatchSize : keys.Length;
        for (var start = 0; start < keys.Length; start += size)
        {
            _ = FetchAsync(keys[start..Math.Min(keys.Length, start + size)], batch);
        }
    }

    private async Task FetchAsync(TKey[] keys, Dictionary<TKey, TaskCompletionSource<TValue>> batch)
    {
        try
        {
            var values = await LoadBatchAsync(keys, _cancellationToken).ConfigureAwait(false);
            foreach (var key in keys)
            {
                batch[key].TrySetResult(values.TryGetValue(key, out var value) ? value : default!);
            }
        }
        catch (Exception error)
        {
            foreach (var key in keys)
            {
                batch[key].TrySetException(error);
            }
        }
    }
}
