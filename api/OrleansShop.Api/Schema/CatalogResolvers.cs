using HotChocolate.Execution.Configuration;
using OrleansShop.GrainInterfaces;
using OrleansShop.ReadModels.Catalog;

namespace OrleansShop.Api.Schema;

/// <summary>Products, categories, stock and ratings; the admin's catalog mutations.</summary>
internal static class CatalogResolvers
{
    public static void Register(IRequestExecutorBuilder graphql)
    {
        graphql.FieldAsync("Query", "products", ProductsAsync);
        graphql.FieldAsync("Query", "product", ProductAsync);
        graphql.FieldAsync("Query", "categories", TopCategoriesAsync);

        graphql.FieldAsync("ProductConnection", "totalCount", TotalCountAsync);
        graphql.FieldAsync("ProductConnection", "facets", FacetsAsync);

        graphql.Field("Product", "id", c => GlobalId.Encode("Product", c.Parent<ProductDetails>().Id));
        graphql.FieldAsync("Product", "categories", ProductCategoriesAsync);
        graphql.FieldAsync("Product", "available", AvailableAsync);
        graphql.FieldAsync("Product", "stock", StockAsync);
        graphql.FieldAsync("Product", "rating", RatingAsync);
        graphql.FieldAsync("Product", "reviews", ReviewsAsync);

        graphql.Field("Category", "id", c => GlobalId.Encode("Category", c.Parent<CategoryNode>().Id));
        graphql.FieldAsync("Category", "parent", ParentAsync);
        graphql.FieldAsync("Category", "children", ChildrenAsync);
        graphql.FieldAsync("Category", "products", CategoryProductsAsync);

        graphql.Field("Review", "id", c => GlobalId.Encode("Review", c.Parent<Review>().Id));
        graphql.FieldAsync("Review", "product", ReviewProductAsync);

        graphql.FieldAsync("Mutation", "createProduct", CreateProductAsync);
        graphql.FieldAsync("Mutation", "updateProduct", UpdateProductAsync);
        graphql.FieldAsync("Mutation", "archiveProduct", ArchiveProductAsync);
        graphql.FieldAsync("Mutation", "adjustStock", AdjustStockAsync);
        graphql.FieldAsync("Mutation", "createCategory", CreateCategoryAsync);
    }

    /// <summary>A product a shopper may see: archived products only for admins.</summary>
    public static async Task<ProductDetails?> VisibleProductAsync(IResolverContext context, string productId)
    {
        var product = await context.ProductAsync(productId);
        return product is { Archived: true } && !context.IsAdmin() ? null : product;
    }

    private static async Task<object?> ProductsAsync(IResolverContext context) =>
        await ProductSearch.PageAsync(context, context.ArgumentValue<string?>("search"), await ProductSearch.FilterAsync(context));

    private static async Task<object?> CategoryProductsAsync(IResolverContext context)
    {
        var categories = ProductSearch.CategoryWithDescendants(await context.CategoriesAsync(), context.Parent<CategoryNode>().Id);
        return await ProductSearch.PageAsync(context, search: null, new ProductFilter(CategoryIds: categories));
    }

    private static async Task<object?> TotalCountAsync(IResolverContext context) =>
        await context.Service<CatalogSearch>().CountAsync(context.Parent<ProductConnection>().Query, context.RequestAborted);

    private static async Task<object?> FacetsAsync(IResolverContext context)
    {
        var facets = await context.Service<CatalogSearch>().FacetsAsync(context.Parent<ProductConnection>().Query, context.RequestAborted);
        var categoryNames = facets.Any(f => f.Field == "category")
            ? (await context.CategoriesAsync()).ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal)
            : null;
        return facets.Select(f => new Facet(
            f.Field,
            [.. f.Values.Select(v => f.Field == "category"
                ? new FacetValue(GlobalId.Encode("Category", v.Value), v.Count, categoryNames!.GetValueOrDefault(v.Value, v.Value))
                : new FacetValue(v.Value, v.Count, v.Value))])).ToList();
    }

    private static async Task<object?> ProductAsync(IResolverContext context)
    {
        var id = context.ArgumentValue<string?>("id");
        var slug = context.ArgumentValue<string?>("slug");
        if ((id is null) == (slug is null))
        {
            throw ShopErrors.Exception("Give exactly one of \"id\" or \"slug\".", ShopErrors.InvalidArgument);
        }

        var productId = id is not null
            ? GlobalId.KeyOf(id, "Product")
            : await context.Grains().GetGrain<ISlugIndexGrain>(UniqueKeys.Slug(slug!)).GetOwnerAsync();
        return productId is null ? null : await VisibleProductAsync(context, productId);
    }

    private static async Task<object?> TopCategoriesAsync(IResolverContext context) =>
        (await context.CategoriesAsync()).Where(c => c.ParentId is null).ToList();

    private static async Task<object?> ProductCategoriesAsync(IResolverContext context)
    {
        var ids = context.Parent<ProductDetails>().CategoryIds;
        return (await context.CategoriesAsync()).Where(c => ids.Contains(c.Id)).ToList();
    }

    private static async Task<object?> ParentAsync(IResolverContext context)
    {
        var parentId = context.Parent<CategoryNode>().ParentId;
        return parentId is null ? null : (await context.CategoriesAsync()).FirstOrDefault(c => c.Id == parentId);
    }

    private static async Task<object?> ChildrenAsync(IResolverContext context)
    {
        var childIds = context.Parent<CategoryNode>().ChildIds;
        return (await context.CategoriesAsync()).Where(c => childIds.Contains(c.Id)).ToList();
    }

    private static async Task<object?> AvailableAsync(IResolverContext context)
    {
        var product = context.Parent<ProductDetails>();
        return !product.Archived && (await StockOf(context, product.Id)).Available > 0;
    }

    private static Task<StockLevel> StockAsync(IResolverContext context) => StockOf(context, context.Parent<ProductDetails>().Id);

    private static async Task<RatingSummary?> RatingAsync(IResolverContext context) =>
        await context.DataLoader<RatingDataLoader>().LoadAsync(context.Parent<ProductDetails>().Id, context.RequestAborted);

    private static async Task<StockLevel> StockOf(IResolverContext context, string productId) =>
        await context.DataLoader<StockLevelDataLoader>().LoadAsync(productId, context.RequestAborted)
            ?? throw new InvalidOperationException($"No stock level for product {productId}.");

    private static async Task<object?> ReviewsAsync(IResolverContext context)
    {
        var reviews = context.Grains().GetGrain<IProductReviewsGrain>(context.Parent<ProductDetails>().Id);
        // Reviews are few per product; the grain pages newest first, and the slice keeps cursors consistent with other lists.
        var all = await reviews.GetReviewsAsync(0, int.MaxValue);
        var page = Page<Review>.Slice(all.Items, context);
        return page.ToConnection<Review>([.. page.Items.Select(i => i.Item)]);
    }

    private static async Task<object?> ReviewProductAsync(IResolverContext context) =>
        await context.ProductAsync(context.Parent<Review>().ProductId);

    private static async Task<object?> CreateProductAsync(IResolverContext context)
    {
        if (UserErrors.UnlessAdmin(context) is { } refused)
        {
            return new ProductPayload(null, refused);
        }

        var input = Input.Of(context);
        var initialStock = input.Int("initialStock") ?? 0;
        if (initialStock < 0)
        {
            return new ProductPayload(null, UserErrors.Of(ErrorCode.InvalidInput, "Initial stock must not be negative.", "initialStock"));
        }

        var categoryIds = CategoryKeys(input.Strings("categoryIds"), out var badCategory);
        if (badCategory is not null)
        {
            return new ProductPayload(null, UserErrors.Of(ErrorCode.NotFound, $"Category {badCategory} does not exist.", "categoryIds"));
        }

        var productId = Guid.NewGuid().ToString("N");
        var created = await context.Grains().GetGrain<IProductGrain>(productId).CreateAsync(new ProductDraft(
            input.String("sku") ?? string.Empty,
            input.String("name") ?? string.Empty,
            input.String("slug"),
            input.String("description") ?? string.Empty,
            input.String("brand"),
            new Money(input.Decimal("price") ?? 0m, input.String("currency") ?? "USD"),
            input.Strings("images"),
            categoryIds,
            Attributes(input)));
        if (!created.Succeeded)
        {
            return new ProductPayload(null, created.Errors);
        }

        if (initialStock > 0)
        {
            var stocked = await context.Grains().GetGrain<IProductStockGrain>(productId).AdjustAsync(initialStock, "initial stock");
            if (!stocked.Succeeded)
            {
                return new ProductPayload(null, stocked.Errors);
            }
        }

        return new ProductPayload(created.Value, UserErrors.None);
    }

    private static async Task<object?> UpdateProductAsync(IResolverContext context)
    {
        if (UserErrors.UnlessAdmin(context) is { } refused)
        {
            return new ProductPayload(null, refused);
        }

        var input = Input.Of(context);
        if (await ExistingProductIdAsync(context, input) is not { } productId)
        {
            return new ProductPayload(null, UserErrors.Of(ErrorCode.NotFound, "No product has this id.", "productId"));
        }

        var categoryIds = CategoryKeys(input.Strings("categoryIds"), out var badCategory);
        if (badCategory is not null)
        {
            return new ProductPayload(null, UserErrors.Of(ErrorCode.NotFound, $"Category {badCategory} does not exist.", "categoryIds"));
        }

        var updated = await context.Grains().GetGrain<IProductGrain>(productId).UpdateAsync(new ProductChanges(
            input.String("name"),
            input.String("description"),
            input.String("brand"),
            input.Decimal("price"),
            input.Strings("images"),
            categoryIds,
            Attributes(input)));
        if (!updated.Succeeded)
        {
            return new ProductPayload(null, updated.Errors);
        }

        return new ProductPayload(updated.Value, UserErrors.None);
    }

    private static async Task<object?> ArchiveProductAsync(IResolverContext context)
    {
        if (UserErrors.UnlessAdmin(context) is { } refused)
        {
            return new ProductPayload(null, refused);
        }

        if (await ExistingProductIdAsync(context, Input.Of(context)) is not { } productId)
        {
            return new ProductPayload(null, UserErrors.Of(ErrorCode.NotFound, "No product has this id.", "productId"));
        }

        var archived = await context.Grains().GetGrain<IProductGrain>(productId).ArchiveAsync();
        if (!archived.Succeeded)
        {
            return new ProductPayload(null, archived.Errors);
        }

        return new ProductPayload(archived.Value, UserErrors.None);
    }

    private static async Task<object?> AdjustStockAsync(IResolverContext context)
    {
        if (UserErrors.UnlessAdmin(context) is { } refused)
        {
            return new ProductPayload(null, refused);
        }

        var input = Input.Of(context);
        if (await ExistingProductIdAsync(context, input) is not { } productId)
        {
            return new ProductPayload(null, UserErrors.Of(ErrorCode.NotFound, "No product has this id.", "productId"));
        }

        var adjusted = await context.Grains().GetGrain<IProductStockGrain>(productId).AdjustAsync(input.Int("delta") ?? 0, input.String("reason") ?? string.Empty);
        if (!adjusted.Succeeded)
        {
            return new ProductPayload(null, adjusted.Errors);
        }

        return new ProductPayload(await context.Grains().GetGrain<IProductGrain>(productId).GetAsync(), UserErrors.None);
    }

    private static async Task<object?> CreateCategoryAsync(IResolverContext context)
    {
        if (UserErrors.UnlessAdmin(context) is { } refused)
        {
            return new CategoryPayload(null, refused);
        }

        var input = Input.Of(context);
        string? parentId = null;
        if (input.String("parentId") is { } parent && (parentId = GlobalId.KeyOf(parent, "Category")) is null)
        {
            return new CategoryPayload(null, UserErrors.Of(ErrorCode.NotFound, "No category has this id.", "parentId"));
        }

        var created = await context.Grains().GetGrain<ICategoryTreeGrain>(WellKnownKeys.CategoryTree)
            .CreateAsync(new CategoryDraft(input.String("name") ?? string.Empty, input.String("slug"), parentId));
        return created.Succeeded ? new CategoryPayload(created.Value, UserErrors.None) : new CategoryPayload(null, created.Errors);
    }

    private static async Task<string?> ExistingProductIdAsync(IResolverContext context, Input input) =>
        GlobalId.KeyOf(input.String("productId"), "Product") is { } id && await context.ProductAsync(id) is not null ? id : null;

    private static List<string>? CategoryKeys(IReadOnlyList<string>? globalIds, out string? bad)
    {
        bad = null;
        if (globalIds is null)
        {
            return null;
        }

        var keys = new List<string>(globalIds.Count);
        foreach (var id in globalIds)
        {
            if (GlobalId.KeyOf(id, "Category") is not { } key)
            {
                bad = id;
                return null;
            }

            keys.Add(key);
        }

        return keys;
    }

    private static List<ProductAttribute>? Attributes(Input input) =>
        input.Objects("attributes")?.Select(a => new ProductAttribute(a.String("name") ?? string.Empty, a.String("value") ?? string.Empty)).ToList();
}
