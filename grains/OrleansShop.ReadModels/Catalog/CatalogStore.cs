using System.Data.Common;

namespace OrleansShop.ReadModels.Catalog;

/// <summary>
/// The catalog read model's database, whose tables are created once per process before the first use (a failed creation
/// is tried again by the next use rather than remembered).
/// </summary>
public sealed class CatalogStore(ReadModelDatabase database)
{
    private readonly SchemaGate schema = new(() => CreateAsync(database));
    private long generation;

    public ReadModelDialect Dialect => database.Dialect;

    /// <summary>Creates the tables if they are missing; cheap after the first call.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        schema.EnsureAsync().WaitAsync(cancellationToken);

    /// <summary>
    /// Counts the catalog writes this process committed; query results cached under an older generation are stale. (Writes
    /// made by other silos of a cluster do not count here: the cache's time limit bounds how long those go unseen.)
    /// </summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>An open connection to a database whose catalog tables exist, for writing.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        return await database.OpenAsync(cancellationToken);
    }

    /// <summary>An open connection to a database whose catalog tables exist, for queries.</summary>
    public async Task<DbConnection> OpenForReadingAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        return await database.OpenForReadingAsync(cancellationToken);
    }

    /// <summary>Called after a write that changed the catalog was committed.</summary>
    public void Changed() => Interlocked.Increment(ref generation);

    // Not tied to one caller's token: every caller waits on the same creation.
    private static async Task CreateAsync(ReadModelDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await CatalogSchema.CreateAsync(connection, database.Dialect, CancellationToken.None);
    }
}
