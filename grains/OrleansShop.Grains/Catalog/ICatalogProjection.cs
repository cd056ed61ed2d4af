using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>
/// Where the catalog grains publish what search reads (the catalog read model). Each call carries the version of the
/// grain state it comes from, and an implementation must ignore a call older than what it already holds: the grains
/// repeat a projection after a failure and on activation, so calls may arrive twice or out of order.
/// </summary>
public interface ICatalogProjection
{
    /// <summary>The product's catalog data (name, price, categories, archived...) as of state version <paramref name="version"/>.</summary>
    Task ProjectProductAsync(ProductDetails product, long version, CancellationToken cancellationToken = default);

    /// <summary>How many of the product are available to sell, as of stock state version <paramref name="version"/>.</summary>
    Task ProjectStockAsync(string productId, int available, long version, CancellationToken cancellationToken = default);

    /// <summary>The product's rating totals; <paramref name="version"/> is its review count, which only grows.</summary>
    Task ProjectRatingAsync(string productId, RatingSummary rating, long version, CancellationToken cancellationToken = default);
}
