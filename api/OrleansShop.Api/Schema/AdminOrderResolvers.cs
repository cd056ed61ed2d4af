using OrleansShop.GrainInterfaces;
using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;

namespace OrleansShop.Api.Schema;

/// <summary>Fulfilment and refunds, for administrators only.</summary>
internal static class AdminOrderResolvers
{
    public static void Register(SchemaBuilder schema)
    {
        schema.AddResolver("Mutation", "shipOrder", (FieldResolver)(c => new(ChangeAsync(c, (order, input) => order.ShipAsync(input.String("trackingNumber") ?? string.Empty)))));
        schema.AddResolver("Mutation", "deliverOrder", (FieldResolver)(c => new(ChangeAsync(c, (order, _) => order.DeliverAsync()))));
        schema.AddResolver("Mutation", "refundOrder", (FieldResolver)(c => new(ChangeAsync(c, (order, input) => order.RefundAsync(input.String("reason") ?? string.Empty)))));
    }

    private static async Task<object?> ChangeAsync(IResolverContext context, Func<IOrderGrain, Input, Task<Result<OrderDetails>>> change)
    {
        if (OrderAccess.RefuseUnlessAdmin(context) is { } refused)
        {
            return refused;
        }

        var input = Input.Of(context);
        var (order, missing) = await OrderAccess.OrderForMutationAsync(context, input);
        if (missing is not null)
        {
            return missing;
        }

        var changed = await change(context.Grains().GetGrain<IOrderGrain>(order!.Id), input);
        return changed.Succeeded ? Payload.Ok("order", changed.Value) : Payload.Fail(changed.Errors);
    }
}
