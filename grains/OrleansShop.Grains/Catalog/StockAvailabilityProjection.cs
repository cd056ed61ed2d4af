using System.Collections.Concurrent;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

/// <summary>
/// Feeds the catalog's availability (what search's in-stock filter reads) from the stock events, so a stock change costs
/// the stock grain one save and one publish, and the read-model database is written only when a product goes in or out
/// of stock.
/// </summary>
/// <remarks>
/// A write is skipped only when this process projected the event's direct predecessor with the same in-stock answer: then
/// no other silo can have written in between, because versions are consecutive and each one is handed to one
/// dispatcher. After a gap (the stock grain coalesced events, or another silo held the product's partition for a while)
/// it writes; the projection ignores versions older than what it holds, so a write is never wrong, only sometimes
/// unnecessary. One entry per product seen, a few dozen bytes each, as many as the catalog has products.
/// </remarks>
public sealed class StockAvailabilityProjection(ICatalogProjection catalog) : IStockEventConsumer
{
    private readonly ConcurrentDictionary<string, Projected> projected = new(StringComparer.Ordinal);

    public async Task ConsumeAsync(StockEvent stockEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stockEvent);
        var version = stockEvent.Level.Version;
        var inStock = stockEvent.Level.Available > 0;
        if (projected.TryGetValue(stockEvent.ProductId, out var last))
        {
            if (version <= last.Version)
            {
                return;
            }

            if (version == last.Version + 1 && inStock == last.InStock)
            {
                projected[stockEvent.ProductId] = new Projected(version, inStock);
                return;
            }
        }

        await catalog.ProjectStockAsync(stockEvent.ProductId, stockEvent.Level.Available, version, cancellationToken);
        projected[stockEvent.ProductId] = new Projected(version, inStock);
    }

    private readonly record struct Projected(long Version, bool InStock);
}
