using HotChocolate.Execution.Configuration;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>
/// Paying an order with a provider's card token or by Alipay. The server never sees a card number: only the token the
/// client got from the provider, and afterwards the brand and last four digits.
/// </summary>
internal static class PaymentResolvers
{
    public static void Register(IRequestExecutorBuilder graphql)
    {
        graphql.FieldAsync("Mutation", "payOrder", PayAsync);

        // An opaque global id like every other id in the API; no operation takes a payment's id back.
        graphql.Field("Payment", "id", c => GlobalId.Encode("Payment", c.Parent<Payment>().Id));
    }

    private static async Task<PaymentPayload> PayAsync(IResolverContext context)
    {
        var input = Input.Of(context);
        var (order, refused) = await OrderAccess.OrderForMutationAsync(context, input);
        if (refused is not null)
        {
            return new PaymentPayload(null, null, refused);
        }

        var method = input.Enum<PaymentMethod>("method") ?? PaymentMethod.Card;
        var grain = context.Grains().GetGrain<IOrderGrain>(order!.Id);
        var paid = await grain.PayAsync(new PaymentRequest(method, input.String("cardToken"), input.String("idempotencyKey") ?? string.Empty));

        // A declined or failed attempt still shows the order (payable again) and the attempt, next to the error.
        return new PaymentPayload(paid.Value?.Order ?? await grain.GetAsync(), paid.Value?.Payment, paid.Succeeded ? UserErrors.None : paid.Errors);
    }
}
