using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>The projection of a silo that registers none (tests of other features, a silo without search): it drops every update.</summary>
internal sealed class NoCatalogProjection : ICatalogProjection
{
    public static readonly NoCatalogProjection Instance = new();

    public Task ProjectProductAsync(ProductDetails product, long version, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task ProjectStockAsync(string productId, int available, long version, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task ProjectRatingAsync(string productId, RatingSummary rating, long version, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
