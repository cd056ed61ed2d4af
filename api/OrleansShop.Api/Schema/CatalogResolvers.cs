using OrleansShop.GrainInterfaces;
using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;
using OrleansShop.ReadModels.Catalog;

namespace OrleansShop.Api.Schema;

/// <summary>Products, categories, stock and ratings; the admin's catalog mutations.</summary>
internal static class CatalogResolvers
{
    public static void Register(SchemaBuilder schema)
    {
        schema.AddResolver("Query", "products", (FieldResolver)(c => new(ProductsAsync(c))));
        schema.AddResolver("Query", "product", (FieldResolver)(c => new(ProductAsync(c))));
        schema.AddResolver("Query", "categories", (FieldResolver)(c => new(TopCategoriesAsync(c))));

        schema.AddResolver("ProductConnection", "totalCount", (FieldResolver)(c => new(TotalCountAsync(c))));
        schema.AddResolver("ProductConnection", "facets", (FieldResolver)(c => new(FacetsAsync(c))));

        schema.AddResolver("Product", "id", c => GlobalId.Encode("Product", c.Parent<ProductDetails>().Id));
        schema.AddResolver("Product", "categories", (FieldResolver)(c => new(ProductCategoriesAsync(c))));
        schema.AddResolver("Product", "available", (FieldResolver)(c => new(AvailableAsync(c))));
        schema.AddResolver("Product", "stock", (FieldResolver)(c => new(StockAsync(c))));
        schema.AddResolver("Product", "rating", (FieldResolver)(c => new(RatingAsync(c))));
        schema.AddResolver("Product", "reviews", (FieldResolver)(c => new(ReviewsAsync(c))));
        schema.AddResolver("StockLevel", "onHand", c => AdminOnly(c, c.Parent<StockLevel>().OnHand));
        schema.AddResolver("StockLevel", "reserved", c => AdminOnly(c, c.Parent<StockLevel>().Reserved));
        schema.AddResolver("RatingSummary", "average", c => c.Parent<RatingSummary>().Average);

        schema.AddResolver("Category", "id", c => GlobalId.Encode("Category", c.Parent<CategoryNode>().Id));
        schema.AddResolver("Category", "parent", (FieldResolver)(c => new(ParentAsync(c))));
        schema.AddResolver("Category", "children", (FieldResolver)(c => new(ChildrenAsync(c))));
        schema.AddResolver("Category", "products", (FieldResolver)(c => new(CategoryProductsAsync(c))));

        schema.AddResolver("Review", "id", c => GlobalId.Encode("Review", c.Parent<Review>().Id));
        schema.AddResolver("Review", "product", (FieldResolver)(c => new(ReviewProductAsync(c))));

        schema.AddResolver("Mutation", "createProduct", (FieldResolver)(c => new(CreateProductAsync(c))));
        schema.AddResolver("Mutation", "updateProduct", (FieldResolver)(c => new(UpdateProductAsync(c))));
        schema.AddResolver("Mutation", "archiveProduct", (FieldResolver)(c => new(ArchiveProductAsync(c))));
        schema.AddResolver("Mutation", "adjustStock", (FieldResolver)(c => new(AdjustStockAsync(c))));
        schema.AddResolver("Mutation", "createCategory", (FieldResolver)(c => new(CreateCategoryAsync(c))));
    }

    /// <summary>A product a shopper may see: archived products only for admins.</summary>
    public static async Task<ProductDetails?> VisibleProductAsync(IResolverContext context, string productId)
    {
        var product = await context.ProductAsync(productId);
        return product is { Archived: true } && !context.IsAdmin() ? null : product;
    }

    private static async Task<object?> ProductsAsync(IResolverContext context) =>
        await ProductSearch.PageAsync(context, context.Argument<string?>("search"), await ProductSearch.FilterAsync(context));

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
        return facets.Select(f => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["field"] = f.Field,
            ["values"] = f.Values.Select(v => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["value"] = f.Field == "category" ? GlobalId.Encode("Category", v.Value) : v.Value,
                ["count"] = v.Count,
            }).ToList(),
        }).ToList();
    }

    private static async Task<object?> ProductAsync(IResolverContext context)
    {
        var id = context.Argument<string?>("id");
        var slug = context.Argument<string?>("slug");
        if ((id is null) == (slug is null))
        {
            throw new GraphQLException("Give exactly one of \"id\" or \"slug\".", "INVALID_ARGUMENT");
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
        return !product.Archived && (await context.Grains().GetGrain<IProductStockGrain>(product.Id).GetLevelAsync()).Available > 0;
    }

    private static async Task<object?> StockAsync(IResolverContext context) =>
        await context.Grains().GetGrain<IProductStockGrain>(context.Parent<ProductDetails>().Id).GetLevelAsync();

    private static async Task<object?> RatingAsync(IResolverContext context) =>
        await context.Grains().GetGrain<IProductReviewsGrain>(context.Parent<ProductDetails>().Id).GetSummaryAsync();

    private static async Task<object?> ReviewsAsync(IResolverContext context)
    {
        var reviews = context.Grains().GetGrain<IProductReviewsGrain>(context.Parent<ProductDetails>().Id);
        // Reviews are few per product; the grain pages newest first, and the slice keeps cursors consistent with other lists.
        var all = await reviews.GetReviewsAsync(0, int.MaxValue);
        var page = Page<Review>.Slice(all.Items, context);
        return page.ToConnection([.. page.Items.Select(i => (object?)i.Item)]);
    }

    private static async Task<object?> ReviewProductAsync(IResolverContext context) =>
        await context.ProductAsync(context.Parent<Review>().ProductId);

    private static object AdminOnly(IResolverContext context, int value) =>
        context.IsAdmin() ? value : throw new GraphQLException("Only an administrator may read stock on hand and reserved.", "FORBIDDEN");

    private static async Task<object?> CreateProductAsync(IResolverContext context)
    {
        if (Admin(context) is { } refused)
        {
            return refused;
        }

        var input = Input.Of(context);
        var initialStock = input.Int("initialStock") ?? 0;
        if (initialStock < 0)
        {
            return Payload.Fail(ErrorCode.InvalidInput, "Initial stock must not be negative.", "initialStock");
        }

        var categoryIds = CategoryKeys(input.Strings("categoryIds"), out var badCategory);
        if (badCategory is not null)
        {
            return Payload.Fail(ErrorCode.NotFound, $"Category {badCategory} does not exist.", "categoryIds");
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
            return Payload.Fail(created.Errors);
        }

        if (initialStock > 0)
        {
            var stocked = await context.Grains().GetGrain<IProductStockGrain>(productId).AdjustAsync(initialStock, "initial stock");
            if (!stocked.Succeeded)
            {
                return Payload.Fail(stocked.Errors);
            }
        }

        return Payload.Ok("product", created.Value);
    }

    private static async Task<object?> UpdateProductAsync(IResolverContext context)
    {
        if (Admin(context) is { } refused)
        {
            return refused;
        }

        var input = Input.Of(context);
        if (await ExistingProductIdAsync(context, input) is not { } productId)
        {
            return Payload.Fail(ErrorCode.NotFound, "No product has this id.", "productId");
        }

        var categoryIds = CategoryKeys(input.Strings("categoryIds"), out var badCategory);
        if (badCategory is not null)
        {
            return Payload.Fail(ErrorCode.NotFound, $"Category {badCategory} does not exist.", "categoryIds");
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
            return Payload.Fail(updated.Errors);
        }

        return Payload.Ok("product", updated.Value);
    }

    private static async Task<object?> ArchiveProductAsync(IResolverContext context)
    {
        if (Admin(context) is { } refused)
        {
            return refused;
        }

        if (await ExistingProductIdAsync(context, Input.Of(context)) is not { } productId)
        {
            return Payload.Fail(ErrorCode.NotFound, "No product has this id.", "productId");
        }

        var archived = await context.Grains().GetGrain<IProductGrain>(productId).ArchiveAsync();
        if (!archived.Succeeded)
        {
            return Payload.Fail(archived.Errors);
        }

        return Payload.Ok("product", archived.Value);
    }

    private static async Task<object?> AdjustStockAsync(IResolverContext context)
    {
        if (Admin(context) is { } refused)
        {
            return refused;
        }

        var input = Input.Of(context);
        if (await ExistingProductIdAsync(context, input) is not { } productId)
        {
            return Payload.Fail(ErrorCode.NotFound, "No product has this id.", "productId");
        }

        var adjusted = await context.Grains().GetGrain<IProductStockGrain>(productId).AdjustAsync(input.Int("delta") ?? 0, input.String("reason") ?? string.Empty);
        if (!adjusted.Succeeded)
        {
            return Payload.Fail(adjusted.Errors);
        }

        return Payload.Ok("product", await context.Grains().GetGrain<IProductGrain>(productId).GetAsync());
    }

    private static async Task<object?> CreateCategoryAsync(IResolverContext context)
    {
        if (Admin(context) is { } refused)
        {
            return refused;
        }

        var input = Input.Of(context);
        string? parentId = null;
        if (input.String("parentId") is { } parent && (parentId = GlobalId.KeyOf(parent, "Category")) is null)
        {
            return Payload.Fail(ErrorCode.NotFound, "No category has this id.", "parentId");
        }

        var created = await context.Grains().GetGrain<ICategoryTreeGrain>(WellKnownKeys.CategoryTree)
            .CreateAsync(new CategoryDraft(input.String("name") ?? string.Empty, input.String("slug"), parentId));
        return created.Succeeded ? Payload.Ok("category", created.Value) : Payload.Fail(created.Errors);
    }

    /// <summary>Null when the caller is an admin; otherwise the payload that refuses them.</summary>
    private static Dictionary<string, object?>? Admin(IResolverContext context) =>
        context.IsAdmin() ? null : context.CustomerId() is null ? Payload.Unauthenticated() : Payload.Forbidden();

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
