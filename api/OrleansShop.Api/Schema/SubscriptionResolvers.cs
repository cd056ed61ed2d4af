using HotChocolate.Execution;
using HotChocolate.Execution.Configuration;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>
/// Live updates (graphql-transport-ws): an order after each status change, a product's stock after each change, read
/// from the streams the order and product-stock grains publish. Who may subscribe is checked before the stream opens.
/// </summary>
internal static class SubscriptionResolvers
{
    public static void Register(IRequestExecutorBuilder graphql) =>
        graphql.TryAddTypeInterceptor(new SubscriptionSources(new Dictionary<string, SubscribeResolverDelegate>(StringComparer.Ordinal)
        {
            ["orderStatusChanged"] = OrderStatusChangedAsync,
            ["stockChanged"] = StockChangedAsync,
        }));

    /// <summary>The owner or an admin; a guest order by whoever holds its id (as guest carts are).</summary>
    private static async ValueTask<ISourceStream> OrderStatusChangedAsync(IResolverContext context)
    {
        var orderId = GlobalId.KeyOf(context.ArgumentValue<string>("orderId"), "Order") ?? throw NoSuch("order");

        var grain = context.Grains().GetGrain<IOrderGrain>(orderId);
        var order = await grain.GetAsync() ?? throw NoSuch("order");
        if (order.CustomerId is { } owner && owner != context.CustomerId() && !context.IsAdmin())
        {
            throw ShopErrors.Exception("This order belongs to another customer.", ShopErrors.Forbidden);
        }

        // An order already cancelled or refunded gives a subscription that completes at once.
        return await LiveStream<OrderDetails>.FollowAsync(
            context, CommerceStreams.ForOrder(orderId), order, grain.GetAsync, o => o.History.Count, IsFinal);
    }

    /// <summary>Anyone may follow a product's availability; onHand and reserved stay admin-only fields of StockLevel.</summary>
    private static async ValueTask<ISourceStream> StockChangedAsync(IResolverContext context)
    {
        var productId = GlobalId.KeyOf(context.ArgumentValue<string>("productId"), "Product") ?? throw NoSuch("product");
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

    private static GraphQLException NoSuch(string what) => ShopErrors.Exception($"No {what} has this id.", ShopErrors.NotFound);
}
