using HotChocolate.Execution.Configuration;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>Orders as their owners (and admins) read them, a customer's order history, and cancelling an order.</summary>
internal static class OrderResolvers
{
    public static void Register(IRequestExecutorBuilder graphql)
    {
        graphql.FieldAsync("Query", "order", OrderAsync);
        graphql.FieldAsync("Customer", "orders", CustomerOrdersAsync);
        graphql.FieldAsync("Mutation", "cancelOrder", CancelAsync);

        graphql.Field("Order", "id", c => GlobalId.Encode("Order", c.Parent<OrderDetails>().Id));
        graphql.FieldAsync("Order", "customer", OrderCustomerAsync);
        graphql.Field("Order", "shippingAddress", c =>
        {
            var order = c.Parent<OrderDetails>();
            var a = order.ShippingAddress;
            return new Address(order.Id + ":shipping", a.Name, a.Line1, a.Line2, a.City, a.Region, a.PostalCode, a.Country, a.Phone);
        });
        graphql.FieldAsync("OrderLine", "product", LineProductAsync);
    }

    /// <summary>The order for <c>node(id)</c>: null when it does not exist or is not the caller's to see.</summary>
    public static async Task<OrderDetails?> VisibleOrderAsync(IResolverContext context, string orderKey) =>
        await context.Grains().GetGrain<IOrderGrain>(orderKey).GetAsync() is { } order && context.MayUseOrder(order) ? order : null;

    private static async Task<object?> OrderAsync(IResolverContext context)
    {
        if (GlobalId.KeyOf(context.ArgumentValue<string>("id"), "Order") is not { } key
            || await context.Grains().GetGrain<IOrderGrain>(key).GetAsync() is not { } order)
        {
            return null;
        }

        return context.MayUseOrder(order) ? order : throw ShopErrors.Exception("This order belongs to another customer.", "FORBIDDEN");
    }

    private static async Task<object?> CustomerOrdersAsync(IResolverContext context)
    {
        var customer = context.Parent<CustomerProfile>();
        if (context.CustomerId() != customer.Id && !context.IsAdmin())
        {
            throw ShopErrors.Exception("Only the customer or an administrator may read their orders.", "FORBIDDEN");
        }

        // The customer's list is newest first; only the page's orders are read in full.
        var summaries = await context.Grains().GetGrain<ICustomerOrdersGrain>(customer.Id).GetAsync();
        var page = Page<OrderSummary>.Slice(summaries, context);
        var orders = await Task.WhenAll(page.Items.Select(i => context.Grains().GetGrain<IOrderGrain>(i.Item.OrderId).GetAsync()));
        return page.ToConnection(orders!);
    }

    private static async Task<object?> OrderCustomerAsync(IResolverContext context)
    {
        var order = context.Parent<OrderDetails>();
        return order.CustomerId is { } customerId && (context.CustomerId() == customerId || context.IsAdmin())
            ? await context.DataLoader<CustomerByIdDataLoader>().LoadAsync(customerId, context.RequestAborted)
            : null;
    }

    private static async Task<object?> LineProductAsync(IResolverContext context) =>
        await context.ProductAsync(context.Parent<OrderLine>().ProductId);

    private static async Task<object?> CancelAsync(IResolverContext context)
    {
        var input = Input.Of(context);
        var (order, refused) = await OrderAccess.OrderForMutationAsync(context, input);
        if (refused is not null)
        {
            return new OrderPayload(null, refused);
        }

        var cancelled = await context.Grains().GetGrain<IOrderGrain>(order!.Id).CancelAsync(input.String("reason"));
        return cancelled.Succeeded ? new OrderPayload(cancelled.Value, UserErrors.None) : new OrderPayload(null, cancelled.Errors);
    }
}
