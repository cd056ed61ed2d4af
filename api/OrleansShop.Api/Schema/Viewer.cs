using Orleans;
using OrleansShop.Api.Auth;
using OrleansShop.GrainInterfaces;
using OrleansShop.GraphQL.Execution;

namespace OrleansShop.Api.Schema;

/// <summary>What resolvers ask of their request: the grains, and who is calling.</summary>
internal static class Viewer
{
    public static IGrainFactory Grains(this IResolverContext context) => context.Service<IGrainFactory>();

    public static string? CustomerId(this IResolverContext context) => context.User.CustomerId();

    public static bool IsAdmin(this IResolverContext context) => context.User.IsAdmin();

    /// <summary>The product (archived ones too), read once per request however many fields ask for it.</summary>
    public static Task<ProductDetails?> ProductAsync(this IResolverContext context, string productId) =>
        context.BatchDataLoader<string, ProductDetails?>("products", async (ids, _) =>
        {
            var grains = context.Grains();
            var products = await Task.WhenAll(ids.Select(id => grains.GetGrain<IProductGrain>(id).GetAsync()));
            return ids.Select((id, i) => (id, products[i])).ToDictionary(p => p.id, p => p.Item2, StringComparer.Ordinal);
        }).LoadAsync(productId);

    /// <summary>Every category, read once per request.</summary>
    public static Task<IReadOnlyList<CategoryNode>> CategoriesAsync(this IResolverContext context) =>
        context.BatchDataLoader<string, IReadOnlyList<CategoryNode>>("categories", async (keys, _) =>
        {
            var all = await context.Grains().GetGrain<ICategoryTreeGrain>(WellKnownKeys.CategoryTree).GetAllAsync();
            return keys.ToDictionary(k => k, _ => all, StringComparer.Ordinal);
        }).LoadAsync(WellKnownKeys.CategoryTree);

    /// <summary>Whether the caller may read and change the cart: a guest cart's id is its key, a customer's cart is its owner's (or an admin's).</summary>
    public static bool MayUseCart(this IResolverContext context, string cartKey) =>
        !CartIds.IsCustomerCart(cartKey) || context.IsAdmin() || (context.CustomerId() is { } id && cartKey == CartIds.ForCustomer(id));
}
