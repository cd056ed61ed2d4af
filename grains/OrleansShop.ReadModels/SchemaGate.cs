namespace OrleansShop.ReadModels;

/// <summary>
/// Creates a read model's tables once per process, before first use. A failed attempt (the database was down) is not
/// remembered, so the next caller tries again instead of every later write failing for good.
/// </summary>
internal sealed class SchemaGate(Func<Task> create)
{
    private readonly Lock sync = new();
    private Task? attempt;

    public Task EnsureAsync()
    {
        // Every read and write passes here: once the tables exist, no lock.
        if (Volatile.Read(ref attempt) is { IsCompletedSuccessfully: true } done)
        {
            return done;
        }

        lock (sync)
        {
            if (attempt is null || attempt.IsFaulted || attempt.IsCanceled)
            {
                Volatile.Write(ref attempt, create());
            }

            return attempt;
        }
    }
}
