using GreenDonut;
using Orleans;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>Products' rating summaries by product id.</summary>
internal sealed class RatingDataLoader(IGrainFactory grains, IBatchScheduler scheduler, DataLoaderOptions options)
    : BatchDataLoader<string, RatingSummary>(scheduler, options)
{
    protected override Task<IReadOnlyDictionary<string, RatingSummary>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        GrainBatch.ReadAsync(keys, id => grains.GetGrain<IProductReviewsGrain>(id).GetSummaryAsync());
}
