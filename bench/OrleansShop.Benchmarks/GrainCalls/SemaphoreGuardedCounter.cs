namespace OrleansShop.Benchmarks.GrainCalls;

/// <summary>The baseline: the same work on a plain object, made single-threaded by a SemaphoreSlim.</summary>
public sealed class SemaphoreGuardedCounter
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private int count;

    public async Task<int> IncrementAsync()
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return ++count;
        }
        finally
        {
            gate.Release();
        }
    }
}
