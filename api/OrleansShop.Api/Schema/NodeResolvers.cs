using HotChocolate.Execution.Configuration;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>
/// <c>node</c>/<c>nodes</c> by global id. An interface's value finds its object type by the runtime type bound to it
/// (ShopSchema), so a ProductDetails is a Product.
/// </summary>
internal static class NodeResolvers
{
    public static void Register(IRequestExecutorBuilder graphql)
    {
        graphql.FieldAsync("Query", "node", c => NodeAsync(c, c.ArgumentValue<string>("id")));
        graphql.FieldAsync("Query", "nodes", NodesAsync);
    }

    private static async Task<object?> NodesAsync(IResolverContext context)
    {
        var ids = context.ArgumentValue<IReadOnlyList<string>>("ids");
        return await Task.WhenAll(ids.Select(id => NodeAsync(context, id)));
    }

    /// <summary>The object, or null when the id is malformed, unknown or not the caller's to see.</summary>
    private static async Task<object?> NodeAsync(IResolverContext context, string id)
    {
        if (!GlobalId.TryDecode(id, out var type, out var key))
        {
            return null;
        }

        var grains = context.Grains();
        switch (type)
        {
            case "Product":
                return await CatalogResolvers.VisibleProductAsync(context, key);
            case "Category":
                return (await context.CategoriesAsync()).FirstOrDefault(c => c.Id == key);
            case "Customer":
                return context.CustomerId() == key || context.IsAdmin() ? await grains.GetGrain<ICustomerGrain>(key).GetAsync() : null;
            case "Cart":
                return context.MayUseCart(key) ? await grains.GetGrain<ICartGrain>(key).GetAsync() : null;
            case "Review":
                if (ReviewIds.ProductIdOf(key) is not { } productId)
                {
                    return null;
                }

                var reviews = await grains.GetGrain<IProductReviewsGrain>(productId).GetReviewsAsync(0, int.MaxValue);
                return reviews.Items.FirstOrDefault(r => r.Id == key);
            case "Order":
                return await OrderResolvers.VisibleOrderAsync(context, key);
            default:
                return null;
        }
    }
}
