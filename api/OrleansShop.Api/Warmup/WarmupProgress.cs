namespace OrleansShop.Api.Warmup;

/// <summary>Where the catalog warm-up stands, shared by <see cref="CatalogWarmup"/> and the readiness check.</summary>
public sealed class WarmupProgress
{
    private int _completed;
    private int _failed;
    private volatile string? _outcome;

    public int Completed => Volatile.Read(ref _completed);

    public int Failed => Volatile.Read(ref _failed);

    /// <summary>Null while it runs; then how it ended, for the readiness report.</summary>
    public string? Outcome => _outcome;

    /// <summary>The first error a read answered, for the log: a warm-up whose reads fail warms little.</summary>
    public string? FirstError { get; private set; }

    /// <param name="error">The read's first GraphQL error, or null when it succeeded.</param>
    internal void Count(string? error)
    {
        if (error is null)
        {
            Interlocked.Increment(ref _completed);
            return;
        }

        if (Interlocked.Increment(ref _failed) == 1)
        {
            FirstError = error;
        }
    }

    internal void Finish(string outcome) => _outcome = outcome;
}
