using Orleans;
using OrleansShop.Api.Auth;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>What resolvers ask of their request: the grains, and who is calling.</summary>
internal static class Viewer
{
    public static IGrainFactory Grains(this IResolverContext context) => context.Service<IGrainFactory>();

    public static string? CustomerId(this IResolverContext context) => context.GetUser().CustomerId();

    public static bool IsAdmin(this IResolverContext context) => context.GetUser().IsAdmin();

    /// <summary>The product (archived ones too), read once per request however many fields ask for it.</summary>
    public static Task<ProductDetails?> ProductAsync(this IResolverContext context, string productId) =>
        context.DataLoader<ProductByIdDataLoader>().LoadAsync(productId, context.RequestAborted);

    /// <summary>Every category, read once per request.</summary>
    public static async Task<IReadOnlyList<CategoryNode>> CategoriesAsync(this IResolverContext context) =>
        await context.DataLoader<CategoryTreeDataLoader>().LoadAsync(WellKnownKeys.CategoryTree, context.RequestAborted) ?? [];

    /// <summary>Whether the caller may read and change the cart: a guest cart's id is its key, a customer's cart is its owner's (or an admin's).</summary>
    public static bool MayUseCart(this IResolverContext context, string cartKey) =>
        !CartIds.IsCustomerCart(cartKey) || context.IsAdmin() || (context.CustomerId() is { } id && cartKey == CartIds.ForCustomer(id));
}
