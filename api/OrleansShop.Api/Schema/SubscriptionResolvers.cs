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

        var grain = context.Grains().GetGrain<IOrderGrain>(orderId);
        var order = await grain.GetAsync() ?? throw NoSuch("order");
        if (order.CustomerId is { } owner && owner != context.CustomerId() && !context.IsAdmin())
        {
            throw new GraphQLException("This order belongs to another customer.", "FORBIDDEN");
        }

        // An order already cancelled or refunded gives a subscription that completes at once.
        return await LiveStream<OrderDetails>.FollowAsync(
            context, CommerceStreams.ForOrder(orderId), order, grain.GetAsync, o => o.History.Count, IsFinal);
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

        var stock = context.Grains().GetGrain<IProductStockGrain>(productId);
        async Task<StockLevel?> ReadAsync() => await stock.GetLevelAsync();
        return await LiveStream<StockLevel>.FollowAsync(
            context, CommerceStreams.ForStock(productId), await stock.GetLevelAsync(), ReadAsync, level => level.Version);
    }

    /// <summary>Cancelled and refunded orders change no more.</summary>
    private static bool IsFinal(OrderDetails order) => order.Status is OrderStatus.Cancelled or OrderStatus.Refunded;

    /// <summary>The contract's spelling of a status.</summary>
    private static GraphQLException NoSuch(string what) => new($"No {what} has this id.", "NOT_FOUND");
}
