namespace OrleansShop.ReadModels.Lists;

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
        lock (sync)
        {
            if (attempt is null || attempt.IsFaulted || attempt.IsCanceled)
            {
                attempt = create();
            }

            return attempt;
        }
    }
}
