using System.Collections.Concurrent;
using OrleansShop.GrainInterfaces;
using OrleansShop.Grains;

namespace OrleansShop.Grains.Tests.Support;

/// <summary>
/// The catalog read model in memory, keeping by version as the SQL one does; <see cref="Failing"/> makes every call throw,
/// the way an unreachable database would.
/// </summary>
internal sealed class MemoryCatalogProjection : ICatalogProjection
{
    public ConcurrentDictionary<string, (ProductDetails Product, long Version)> Products { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, (int Available, long Version)> Stock { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, (RatingSummary Rating, long Version)> Ratings { get; } = new(StringComparer.Ordinal);

    public volatile bool Failing;

    private int failures;
    private int stockWrites;

    public int Failures => Volatile.Read(ref failures);

    /// <summary>Successful availability writes, which cost the real read model a database write each.</summary>
    public int StockWrites => Volatile.Read(ref stockWrites);

    public Task ProjectProductAsync(ProductDetails product, long version, CancellationToken cancellationToken = default)
    {
        Fail();
        Products.AddOrUpdate(product.Id, (product, version), (_, old) => old.Version > version ? old : (product, version));
        return Task.CompletedTask;
    }

    public Task ProjectStockAsync(string productId, int available, long version, CancellationToken cancellationToken = default)
    {
        Fail();
        Stock.AddOrUpdate(productId, (available, version), (_, old) => old.Version > version ? old : (available, version));
        Interlocked.Increment(ref stockWrites);
        return Task.CompletedTask;
    }

    public Task ProjectRatingAsync(string productId, RatingSummary rating, long version, CancellationToken cancellationToken = default)
    {
        Fail();
        Ratings.AddOrUpdate(productId, (rating, version), (_, old) => old.Version > version ? old : (rating, version));
        return Task.CompletedTask;
    }

    private void Fail()
    {
        if (Failing)
        {
            Interlocked.Increment(ref failures);
            throw new IOException("The read-model database is unreachable.");
        }
    }
}
