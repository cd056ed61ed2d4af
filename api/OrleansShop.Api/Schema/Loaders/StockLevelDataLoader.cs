using GreenDonut;
using Orleans;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>Products' stock levels by product id: <c>available</c> and <c>stock</c> of one product share one grain call.</summary>
internal sealed class StockLevelDataLoader(IGrainFactory grains, IBatchScheduler scheduler, DataLoaderOptions options)
    : BatchDataLoader<string, StockLevel>(scheduler, options)
{
    protected override Task<IReadOnlyDictionary<string, StockLevel>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        GrainBatch.ReadAsync(keys, id => grains.GetGrain<IProductStockGrain>(id).GetLevelAsync());
}
