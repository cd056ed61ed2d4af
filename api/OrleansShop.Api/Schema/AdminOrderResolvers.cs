using HotChocolate.Execution.Configuration;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>Fulfilment and refunds, for administrators only.</summary>
internal static class AdminOrderResolvers
{
    public static void Register(IRequestExecutorBuilder graphql)
    {
        graphql.FieldAsync("Mutation", "shipOrder", c => ChangeAsync(c, (order, input) => order.ShipAsync(input.String("trackingNumber") ?? string.Empty)));
        graphql.FieldAsync("Mutation", "deliverOrder", c => ChangeAsync(c, (order, _) => order.DeliverAsync()));
        graphql.FieldAsync("Mutation", "refundOrder", c => ChangeAsync(c, (order, input) => order.RefundAsync(input.String("reason") ?? string.Empty)));
    }

    private static async Task<OrderPayload> ChangeAsync(IResolverContext context, Func<IOrderGrain, Input, Task<Result<OrderDetails>>> change)
    {
        if (UserErrors.UnlessAdmin(context) is { } refused)
        {
            return new OrderPayload(null, refused);
        }

        var input = Input.Of(context);
        var (order, missing) = await OrderAccess.OrderForMutationAsync(context, input);
        if (missing is not null)
        {
            return new OrderPayload(null, missing);
        }

        var changed = await change(context.Grains().GetGrain<IOrderGrain>(order!.Id), input);
        return changed.Succeeded ? new OrderPayload(changed.Value, UserErrors.None) : new OrderPayload(null, changed.Errors);
    }
}
