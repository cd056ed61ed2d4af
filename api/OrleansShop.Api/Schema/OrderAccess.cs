using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>
/// Who may see and change an order: a customer's order is theirs and the admins'; a guest order belongs to whoever holds
/// its (unguessable) id, as a guest cart does.
/// </summary>
internal static class OrderAccess
{
    public static bool MayUseOrder(this IResolverContext context, OrderDetails order) =>
        order.CustomerId is null || context.IsAdmin() || context.CustomerId() == order.CustomerId;

    /// <summary>The order named by the input's <c>orderId</c> if the caller may use it; otherwise the errors that say why not.</summary>
    public static async Task<(OrderDetails? Order, IReadOnlyList<UserError>? Refused)> OrderForMutationAsync(IResolverContext context, Input input)
    {
        if (GlobalId.KeyOf(input.String("orderId"), "Order") is not { } key
            || await context.Grains().GetGrain<IOrderGrain>(key).GetAsync() is not { } order)
        {
            return (null, UserErrors.Of(ErrorCode.NotFound, "No order has this id.", "orderId"));
        }

        return context.MayUseOrder(order)
            ? (order, null)
            : (null, UserErrors.Of(ErrorCode.Forbidden, "This order belongs to another customer.", "orderId"));
    }
}
