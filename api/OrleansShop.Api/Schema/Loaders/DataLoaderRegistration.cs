using HotChocolate.Execution.Configuration;

namespace OrleansShop.Api.Schema;

internal static class DataLoaderRegistration
{
    /// <summary>The per-request batches behind lists: products, their stock and ratings, customers, the category tree.</summary>
    public static IRequestExecutorBuilder AddShopDataLoaders(this IRequestExecutorBuilder graphql) => graphql
        .AddDataLoader<ProductByIdDataLoader>()
        .AddDataLoader<StockLevelDataLoader>()
        .AddDataLoader<RatingDataLoader>()
        .AddDataLoader<CustomerByIdDataLoader>()
        .AddDataLoader<CategoryTreeDataLoader>();
}
