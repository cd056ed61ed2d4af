namespace OrleansShop.GraphQL.Execution;

/// <summary>
/// Decides when DataLoader batches are fetched, per request: not while the executor is still starting resolvers
/// (more keys are coming), but as soon as it has nothing left to start. A load from a resolver resumed later
/// (e.g. after its own await) is dispatched from the thread pool, batched with the loads enqueued in the same tick.
/// </summary>
internal sealed class BatchScheduler
{
    private readonly object _gate = new();
    private readonly List<IBatchDispatcher> _queued = [];
    private int _activeWork;
    private bool _dispatchScheduled;

    /// <summary>Marks the start of a synchronous stretch of the executor that may start resolvers.</summary>
    public void EnterWork()
    {
        lock (_gate)
        {
            _activeWork++;
        }
    }

    /// <summary>Marks its end; fetches the queued batches when no other stretch is running.</summary>
    public void ExitWork()
    {
        List<IBatchDispatcher>? ready = null;
        lock (_gate)
        {
            _activeWork--;
            if (_activeWork == 0 && _queued.Count > 0)
            {
                ready = [.. _queued];
                _queued.Clear();
            }
        }

        Dispatch(ready);
    }

    public void Schedule(IBatchDispatcher loader)
    {
        lock (_gate)
        {
            _queued.Add(loader);
            if (_activeWork > 0 || _dispatchScheduled)
            {
                return;
            }

            _dispatchScheduled = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static scheduler => scheduler.DispatchFromThreadPool(), this, preferLocal: true);
    }

    private void DispatchFromThreadPool()
    {
        List<IBatchDispatcher>? ready = null;
        lock (_gate)
        {
            _dispatchScheduled = false;
            if (_activeWork == 0 && _queued.Count > 0)
            {
                ready = [.. _queued];
                _queued.Clear();
            }
        }

        Dispatch(ready);
    }

    private static void Dispatch(List<IBatchDispatcher>? ready)
    {
        if (ready is null)
        {
            return;
        }

        foreach (var loader in ready)
        {
            loader.DispatchBatch();
        }
    }
}
