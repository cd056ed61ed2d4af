using GreenDonut;
using Orleans;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>The whole category tree (one key, the tree grain's), read once per request however many fields walk it.</summary>
internal sealed class CategoryTreeDataLoader(IGrainFactory grains, IBatchScheduler scheduler, DataLoaderOptions options)
    : BatchDataLoader<string, IReadOnlyList<CategoryNode>>(scheduler, options)
{
    protected override Task<IReadOnlyDictionary<string, IReadOnlyList<CategoryNode>>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        GrainBatch.ReadAsync(keys, key => grains.GetGrain<ICategoryTreeGrain>(key).GetAllAsync());
}
