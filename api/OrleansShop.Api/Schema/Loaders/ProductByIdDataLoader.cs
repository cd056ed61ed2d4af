using GreenDonut;
using Orleans;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>Products by id (archived ones too; null for an unknown id), each grain read once per request.</summary>
internal sealed class ProductByIdDataLoader(IGrainFactory grains, IBatchScheduler scheduler, DataLoaderOptions options)
    : BatchDataLoader<string, ProductDetails?>(scheduler, options)
{
    protected override Task<IReadOnlyDictionary<string, ProductDetails?>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        GrainBatch.ReadAsync(keys, id => grains.GetGrain<IProductGrain>(id).GetAsync());
}
