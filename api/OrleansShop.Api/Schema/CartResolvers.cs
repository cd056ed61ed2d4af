using HotChocolate.Execution.Configuration;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>
/// Carts for guests and customers. A guest cart's id is an unguessable key that only its holder knows; a customer's cart
/// is theirs alone (and an admin's to look at).
/// </summary>
internal static class CartResolvers
{
    public static void Register(IRequestExecutorBuilder graphql)
    {
        graphql.FieldAsync("Query", "cart", CartAsync);
        graphql.FieldAsync("Mutation", "addCartItem", c => ChangeAsync(c, createGuestCart: true, (cart, input, productId) =>
            cart.AddItemAsync(productId, input.Int("quantity") ?? 0)));
        graphql.FieldAsync("Mutation", "updateCartItem", c => ChangeAsync(c, createGuestCart: false, (cart, input, productId) =>
            cart.UpdateItemAsync(productId, input.Int("quantity") ?? 0)));
        graphql.FieldAsync("Mutation", "removeCartItem", c => ChangeAsync(c, createGuestCart: false, (cart, _, productId) =>
            cart.RemoveItemAsync(productId)));

        graphql.Field("Cart", "id", c => GlobalId.Encode("Cart", c.Parent<CartView>().Id));
        graphql.FieldAsync("CartLine", "product", LineProductAsync);
    }

    /// <summary>The cart the caller may read: null when there is none, FORBIDDEN when it is someone else's.</summary>
    public static async Task<CartView?> ReadableCartAsync(IResolverContext context, string cartKey)
    {
        if (!context.MayUseCart(cartKey))
        {
            throw ShopErrors.Exception("This cart belongs to another customer.", ShopErrors.Forbidden);
        }

        return await context.Grains().GetGrain<ICartGrain>(cartKey).GetAsync();
    }

    private static async Task<object?> CartAsync(IResolverContext context)
    {
        if (context.ArgumentValue<string?>("id") is { } id)
        {
            return GlobalId.KeyOf(id, "Cart") is { } key ? await ReadableCartAsync(context, key) : null;
        }

        return context.CustomerId() is { } customerId
            ? await context.Grains().GetGrain<ICartGrain>(CartIds.ForCustomer(customerId)).GetAsync()
            : null;
    }

    private static async Task<CartPayload> ChangeAsync(
        IResolverContext context,
        bool createGuestCart,
        Func<ICartGrain, Input, string, Task<Result<CartView>>> change)
    {
        var input = Input.Of(context);
        string cartKey;
        if (input.String("cartId") is { } cartId)
        {
            if (GlobalId.KeyOf(cartId, "Cart") is not { } key)
            {
                return new CartPayload(null, UserErrors.Of(ErrorCode.NotFound, "No cart has this id.", "cartId"));
            }

            if (!context.MayUseCart(key))
            {
                return new CartPayload(null, UserErrors.Of(ErrorCode.Forbidden, "This cart belongs to another customer.", "cartId"));
            }

            cartKey = key;
        }
        else if (context.CustomerId() is { } customerId)
        {
            cartKey = CartIds.ForCustomer(customerId);
        }
        else if (createGuestCart)
        {
            cartKey = Guid.NewGuid().ToString("N");
        }
        else
        {
            return new CartPayload(null, UserErrors.Of(ErrorCode.InvalidInput, "Give the cart id, or sign in to use your cart.", "cartId"));
        }

        // A malformed product id is a product that does not exist; the cart grain says so, and changes nothing.
        var productId = GlobalId.KeyOf(input.String("productId"), "Product") ?? string.Empty;
        var result = await change(context.Grains().GetGrain<ICartGrain>(cartKey), input, productId);
        return result.Succeeded ? new CartPayload(result.Value, UserErrors.None) : new CartPayload(null, result.Errors);
    }

    private static async Task<object?> LineProductAsync(IResolverContext context) =>
        await context.ProductAsync(context.Parent<CartLineView>().ProductId);
}
