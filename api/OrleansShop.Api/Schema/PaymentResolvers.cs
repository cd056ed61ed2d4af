using OrleansShop.GrainInterfaces;
using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;

namespace OrleansShop.Api.Schema;

/// <summary>
/// Paying an order with a provider's card token or by Alipay. The server never sees a card number: only the token the
/// client got from the provider, and afterwards the brand and last four digits.
/// </summary>
internal static class PaymentResolvers
{
    public static void Register(SchemaBuilder schema) =>
        schema.AddResolver("Mutation", "payOrder", (FieldResolver)(c => new(PayAsync(c))));

    private static async Task<object?> PayAsync(IResolverContext context)
    {
        var input = Input.Of(context);
        var (order, refused) = await OrderAccess.OrderForMutationAsync(context, input);
        if (refused is not null)
        {
            return refused;
        }

        var method = ContractEnum.Parse<PaymentMethod>(input.String("method") ?? string.Empty);
        var grain = context.Grains().GetGrain<IOrderGrain>(order!.Id);
        var paid = await grain.PayAsync(new PaymentRequest(method, input.String("cardToken"), input.String("idempotencyKey") ?? string.Empty));

        // A declined or failed attempt still shows the order (payable again) and the attempt, next to the error.
        var payload = paid.Succeeded ? Payload.Ok("payment", paid.Value!.Payment) : Payload.Fail(paid.Errors);
        payload["payment"] = paid.Value?.Payment;
        payload["order"] = paid.Value?.Order ?? await grain.GetAsync();
        return payload;
    }
}
