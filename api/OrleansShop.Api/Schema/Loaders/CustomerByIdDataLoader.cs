using GreenDonut;
using Orleans;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>Customers by id (an admin's order list shows each order's customer).</summary>
internal sealed class CustomerByIdDataLoader(IGrainFactory grains, IBatchScheduler scheduler, DataLoaderOptions options)
    : BatchDataLoader<string, CustomerProfile?>(scheduler, options)
{
    protected override Task<IReadOnlyDictionary<string, CustomerProfile?>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        GrainBatch.ReadAsync(keys, id => grains.GetGrain<ICustomerGrain>(id).GetAsync());
}
