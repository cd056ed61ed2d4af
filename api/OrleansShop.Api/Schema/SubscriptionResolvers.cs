using OrleansShop.GrainInterfaces;
using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;

namespace OrleansShop.Api.Schema;

/// <summary>
/// Live updates (graphql-transport-ws): an order after each status change, a product's stock after each change, read
/// from the streams the order and product-stock grains publish. Who may subscribe is checked before the stream opens.
/// </summary>
internal static class SubscriptionResolvers
{
    public static void Register(SchemaBuilder schema)
    {
        schema.AddAsyncSubscriber("Subscription", "orderStatusChanged", OrderStatusChangedAsync);
        schema.AddAsyncSubscriber("Subscription", "stockChanged", StockChangedAsync);
    }

    /// <summary>The owner or an admin; a guest order by whoever holds its id (as guest carts are).</summary>
    private static async Task<IAsyncEnumerable<OrderDetails>> OrderStatusChangedAsync(IResolverContext context)
    {
        var orderId = GlobalId.KeyOf(context.Argument<string>("orderId"), "Order") ?? throw NoSuch("order");

        // Subscribed before the order is read, so no change between the read and the subscription goes unseen; what the
        // read saw is the floor below which late events are dropped.
        var live = await LiveStream<OrderDetails>.SubscribeAsync(context, CommerceStreams.ForOrder(orderId), order => order.History.Count, IsFinal);
        try
        {
            var order = await context.Grains().GetGrain<IOrderGrain>(orderId).GetAsync() ?? throw NoSuch("order");
            if (order.CustomerId is { } owner && owner != context.CustomerId() && !context.IsAdmin())
            {
                throw new GraphQLException("This order belongs to another customer.", "FORBIDDEN");
            }

            live.Floor = order.History.Count;
        }
        catch
        {
            await live.EndAsync();
            throw;
        }

        return live.ReadAllAsync();
    }

    /// <summary>Anyone may follow a product's availability; onHand and reserved stay admin-only fields of StockLevel.</summary>
    private static async Task<IAsyncEnumerable<StockLevel>> StockChangedAsync(IResolverContext context)
    {
        var productId = GlobalId.KeyOf(context.Argument<string>("productId"), "Product") ?? throw NoSuch("product");
        var product = await context.Grains().GetGrain<IProductGrain>(productId).GetAsync();
        if (product is null || (product.Archived && !context.IsAdmin()))
        {
            throw NoSuch("product");
        }

        var live = await LiveStream<StockLevel>.SubscribeAsync(context, CommerceStreams.ForStock(productId), level => level.Version);
        try
        {
            live.Floor = (await context.Grains().GetGrain<IProductStockGrain>(productId).GetLevelAsync()).Version;
        }
        catch
        {
            await live.EndAsync();
            throw;
        }

        return live.ReadAllAsync();
    }

    /// <summary>Cancelled and refunded orders change no more.</summary>
    private static bool IsFinal(OrderDetails order) => order.Status is OrderStatus.Cancelled or OrderStatus.Refunded;

    /// <summary>The contract's spelling of a status.</summary>
    private static GraphQLException NoSuch(string what) => new($"No {what} has this id.", "NOT_FOUND");
}
