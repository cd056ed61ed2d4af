using HotChocolate.Execution.Configuration;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>
/// Checkout of the signed-in customer's cart or a guest cart. The order id follows from the cart and the idempotency
/// key, so a retried checkout reaches the order it placed the first time.
/// </summary>
internal static class CheckoutResolvers
{
    public static void Register(IRequestExecutorBuilder graphql) =>
        graphql.FieldAsync("Mutation", "checkout", CheckoutAsync);

    private static async Task<object?> CheckoutAsync(IResolverContext context)
    {
        var input = Input.Of(context);
        var customerId = context.CustomerId();
        string cartKey;
        if (input.String("cartId") is { } cartId)
        {
            if (GlobalId.KeyOf(cartId, "Cart") is not { } key)
            {
                return new CheckoutPayload(null, UserErrors.Of(ErrorCode.NotFound, "No cart has this id.", "cartId"));
            }

            // Even an admin checks out only their own cart: the order would otherwise be placed in someone else's name.
            if (CartIds.IsCustomerCart(key) && (customerId is null || key != CartIds.ForCustomer(customerId)))
            {
                return new CheckoutPayload(null, UserErrors.Of(ErrorCode.Forbidden, "This cart belongs to another customer.", "cartId"));
            }

            cartKey = key;
        }
        else if (customerId is not null)
        {
            cartKey = CartIds.ForCustomer(customerId);
        }
        else
        {
            return new CheckoutPayload(null, UserErrors.Of(ErrorCode.InvalidInput, "Give the guest cart's id, or sign in to check out your cart.", "cartId"));
        }

        var customer = customerId is null ? null : await context.Grains().GetGrain<ICustomerGrain>(customerId).GetAsync();
        if (customerId is not null && customer is null)
        {
            return new CheckoutPayload(null, UserErrors.Unauthenticated());
        }

        var email = customer?.Email ?? input.String("email");
        if (string.IsNullOrWhiteSpace(email))
        {
            return new CheckoutPayload(null, UserErrors.Of(ErrorCode.InvalidInput, "A guest checkout needs an email address.", "email"));
        }

        var address = input.Object("shippingAddress");
        var addressId = input.String("shippingAddressId");
        if ((address is null) == (addressId is null))
        {
            return new CheckoutPayload(null, UserErrors.Of(ErrorCode.InvalidInput, "Give exactly one of shippingAddress or shippingAddressId.", address is null ? "shippingAddress" : "shippingAddressId"));
        }

        AddressInput shipTo;
        if (addressId is not null)
        {
            var addressKey = GlobalId.KeyOf(addressId, "Address");
            if (customer?.Addresses.FirstOrDefault(a => a.Id == addressKey) is not { } saved)
            {
                return new CheckoutPayload(null, UserErrors.Of(ErrorCode.NotFound, "No saved address of yours has this id.", "shippingAddressId"));
            }

            shipTo = new AddressInput(saved.Name, saved.Line1, saved.Line2, saved.City, saved.Region, saved.PostalCode, saved.Country, saved.Phone);
        }
        else
        {
            shipTo = AddressInputs.From(address!);
        }

        var idempotencyKey = input.String("idempotencyKey") ?? string.Empty;
        var orderId = OrderIds.ForCheckout(cartKey, idempotencyKey);
        var placed = await context.Grains().GetGrain<IOrderGrain>(orderId)
            .CheckoutAsync(new CheckoutRequest(cartKey, customerId, email, shipTo, idempotencyKey));
        if (placed.Succeeded)
        {
            return new CheckoutPayload(placed.Value, UserErrors.None);
        }

        // An error names the input the caller sent: a signed-in checkout of their own cart sent no cartId.
        var errors = input.String("cartId") is null
            ? [.. placed.Errors.Select(e => e.Field is ["input", "cartId"] ? e with { Field = null } : e)]
            : placed.Errors;
        return new CheckoutPayload(null, errors);
    }
}
