using OrleansShop.GrainInterfaces;
using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;

namespace OrleansShop.Api.Schema;

/// <summary><c>node</c>/<c>nodes</c> by global id, and how interface values find their object types.</summary>
internal static class NodeResolvers
{
    public static void Register(SchemaBuilder schema)
    {
        schema.AddResolver("Query", "node", (FieldResolver)(c => new(NodeAsync(c, c.Argument<string>("id")))));
        schema.AddResolver("Query", "nodes", (FieldResolver)(c => new(NodesAsync(c))));
        schema.AddTypeResolver("Node", (value, _) => TypeOf(value));
        schema.AddTypeResolver("Error", (value, _) => value is IReadOnlyDictionary<string, object?> ? "UserError" : null);
    }

    private static string? TypeOf(object value) => value switch
    {
        ProductDetails => "Product",
        CategoryNode => "Category",
        CustomerProfile => "Customer",
        CartView => "Cart",
        Review => "Review",
        OrderDetails => "Order",
        _ => null,
    };

    private static async Task<object?> NodesAsync(IResolverContext context)
    {
        var ids = context.Argument<IReadOnlyList<string>>("ids");
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
