using OrleansShop.GrainInterfaces;
using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;

namespace OrleansShop.Api.Schema;

/// <summary>Orders as their owners (and admins) read them, a customer's order history, and cancelling an order.</summary>
internal static class OrderResolvers
{
    public static void Register(SchemaBuilder schema)
    {
        schema.AddResolver("Query", "order", (FieldResolver)(c => new(OrderAsync(c))));
        schema.AddResolver("Customer", "orders", (FieldResolver)(c => new(CustomerOrdersAsync(c))));
        schema.AddResolver("Mutation", "cancelOrder", (FieldResolver)(c => new(CancelAsync(c))));

        schema.AddResolver("Order", "id", c => GlobalId.Encode("Order", c.Parent<OrderDetails>().Id));
        schema.AddResolver("Order", "status", c => ContractEnum.Name(c.Parent<OrderDetails>().Status));
        schema.AddResolver("Order", "customer", (FieldResolver)(c => new(OrderCustomerAsync(c))));
        schema.AddResolver("Order", "shippingAddress", c =>
        {
            var order = c.Parent<OrderDetails>();
            var a = order.ShippingAddress;
            return new Address(order.Id + ":shipping", a.Name, a.Line1, a.Line2, a.City, a.Region, a.PostalCode, a.Country, a.Phone);
        });
        schema.AddResolver("OrderLine", "product", (FieldResolver)(c => new(LineProductAsync(c))));
        schema.AddResolver("OrderStatusChange", "status", c => ContractEnum.Name(c.Parent<OrderStatusChange>().Status));
        schema.AddResolver("Payment", "method", c => ContractEnum.Name(c.Parent<Payment>().Method));
        schema.AddResolver("Payment", "status", c => ContractEnum.Name(c.Parent<Payment>().Status));
    }

    /// <summary>The order for <c>node(id)</c>: null when it does not exist or is not the caller's to see.</summary>
    public static async Task<OrderDetails?> VisibleOrderAsync(IResolverContext context, string orderKey) =>
        await context.Grains().GetGrain<IOrderGrain>(orderKey).GetAsync() is { } order && context.MayUseOrder(order) ? order : null;

    private static async Task<object?> OrderAsync(IResolverContext context)
    {
        if (GlobalId.KeyOf(context.Argument<string>("id"), "Order") is not { } key
            || await context.Grains().GetGrain<IOrderGrain>(key).GetAsync() is not { } order)
        {
            return null;
        }

        return context.MayUseOrder(order) ? order : throw new GraphQLException("This order belongs to another customer.", "FORBIDDEN");
    }

    private static async Task<object?> CustomerOrdersAsync(IResolverContext context)
    {
        var customer = context.Parent<CustomerProfile>();
        if (context.CustomerId() != customer.Id && !context.IsAdmin())
        {
            throw new GraphQLException("Only the customer or an administrator may read their orders.", "FORBIDDEN");
        }

        // The customer's list is newest first; only the page's orders are read in full.
        var summaries = await context.Grains().GetGrain<ICustomerOrdersGrain>(customer.Id).GetAsync();
        var page = Page<OrderSummary>.Slice(summaries, context);
        var orders = await Task.WhenAll(page.Items.Select(i => context.Grains().GetGrain<IOrderGrain>(i.Item.OrderId).GetAsync()));
        return page.ToConnection(orders);
    }

    private static async Task<object?> OrderCustomerAsync(IResolverContext context)
    {
        var order = context.Parent<OrderDetails>();
        return order.CustomerId is { } customerId && (context.CustomerId() == customerId || context.IsAdmin())
            ? await context.Grains().GetGrain<ICustomerGrain>(customerId).GetAsync()
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
            return refused;
        }

        var cancelled = await context.Grains().GetGrain<IOrderGrain>(order!.Id).CancelAsync(input.String("reason"));
        return cancelled.Succeeded ? Payload.Ok("order", cancelled.Value) : Payload.Fail(cancelled.Errors);
    }
}
