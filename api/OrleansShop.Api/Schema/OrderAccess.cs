using OrleansShop.GrainInterfaces;
using OrleansShop.GraphQL.Execution;

namespace OrleansShop.Api.Schema;

/// <summary>
/// Who may see and change an order: a customer's order is theirs and the admins'; a guest order belongs to whoever holds
/// its (unguessable) id, as a guest cart does.
/// </summary>
internal static class OrderAccess
{
    public static bool MayUseOrder(this IResolverContext context, OrderDetails order) =>
        order.CustomerId is null || context.IsAdmin() || context.CustomerId() == order.CustomerId;

    /// <summary>The order named by the input's <c>orderId</c> if the caller may use it; otherwise the payload that says why not.</summary>
    public static async Task<(OrderDetails? Order, Dictionary<string, object?>? Refused)> OrderForMutationAsync(IResolverContext context, Input input)
    {
        if (GlobalId.KeyOf(input.String("orderId"), "Order") is not { } key
            || await context.Grains().GetGrain<IOrderGrain>(key).GetAsync() is not { } order)
        {
            return (null, Payload.Fail(ErrorCode.NotFound, "No order has this id.", "orderId"));
        }

        return context.MayUseOrder(order)
            ? (order, null)
            : (null, Payload.Fail(ErrorCode.Forbidden, "This order belongs to another customer.", "orderId"));
    }

    /// <summary>Null when the caller is an admin; otherwise the payload that refuses them.</summary>
    public static Dictionary<string, object?>? RefuseUnlessAdmin(IResolverContext context) =>
        context.IsAdmin() ? null : context.CustomerId() is null ? Payload.Unauthenticated() : Payload.Forbidden();
}
