using Orleans;
using OrleansShop.GrainInterfaces;
using OrleansShop.ReadModels.Catalog;

namespace OrleansShop.Api.Schema;

/// <summary>
/// <c>products(search, where, order, first/after/last/before)</c> on the catalog read model: the arguments become a
/// <see cref="CatalogQuery"/>, the read model answers with product ids in order, and the products themselves are read
/// from their grains (the source of truth). The loaded page is cached with the read model's answer until the next catalog
/// write (at most 250 ms): reading twenty product grains was a third of the cost of a storefront's product list.
/// </summary>
internal static class ProductSearch
{
    public static async Task<ProductConnection> PageAsync(IResolverContext context, string? search, ProductFilter? filter)
    {
        var query = new CatalogQuery(search, filter, Sort(context), IncludeArchived: context.IsAdmin());
        var request = new CatalogPageRequest(
            context.ArgumentValue<int?>("first"), context.ArgumentValue<string?>("after"), context.ArgumentValue<int?>("last"), context.ArgumentValue<string?>("before"));
        LoadedCatalogPage<ProductConnectionPage> loaded;
        try
        {
            loaded = await context.Service<CatalogSearch>().PageAsync(query, request, page => LoadAsync(context.Grains(), page, query.IncludeArchived), context.RequestAborted);
        }
        catch (CatalogQueryException refused)
        {
            throw ShopErrors.Exception(refused.Message, refused.Code);
        }

        return new ProductConnection(query, loaded.Nodes);
    }

    /// <summary>
    /// The page's products read from their grains. The result is cached with the page (until the next catalog write in this
    /// process, at most a quarter of a second), so it must not depend on the caller beyond what the query holds.
    /// </summary>
    private static async Task<ProductConnectionPage> LoadAsync(IGrainFactory grains, CatalogPage page, bool includeArchived)
    {
        var products = await Task.WhenAll(page.Hits.Select(h => grains.GetGrain<IProductGrain>(h.ProductId).GetAsync()));
        // The read model may lag by a moment: a product it still lists but whose grain says archived is left out for shoppers.
        var edges = new List<Edge<ProductDetails>>(products.Length);
        var nodes = new List<ProductDetails>(products.Length);
        for (var i = 0; i < products.Length; i++)
        {
            if (products[i] is { } product && (includeArchived || !product.Archived))
            {
                edges.Add(new Edge<ProductDetails>(page.Hits[i].Cursor, product));
                nodes.Add(product);
            }
        }

        var pageInfo = new PageInfo(page.HasNextPage, page.HasPreviousPage, edges.Count > 0 ? edges[0].Cursor : null, edges.Count > 0 ? edges[^1].Cursor : null);
        return new ProductConnectionPage(edges, nodes, pageInfo);
    }

    /// <summary>The <c>where</c> argument; <c>categoryId</c> stands for that category and every category below it.</summary>
    public static async Task<ProductFilter?> FilterAsync(IResolverContext context)
    {
        if (Input.OfOptional(context, "where") is not { } where)
        {
            return null;
        }

        IReadOnlyCollection<string>? categories = null;
        if (where.String("categoryId") is { } categoryId)
        {
            categories = GlobalId.KeyOf(categoryId, "Category") is { } key
                ? CategoryWithDescendants(await context.CategoriesAsync(), key)
                : throw ShopErrors.Exception($"\"{categoryId}\" is not a category id.", ShopErrors.InvalidArgument);
        }

        return new ProductFilter(
            categories,
            where.Strings("brand"),
            where.Decimal("minPrice"),
            where.Decimal("maxPrice"),
            where.Bool("inStock"),
            where.Double("minRating"));
    }

    /// <summary>The category's id and those of every category below it.</summary>
    public static IReadOnlyCollection<string> CategoryWithDescendants(IReadOnlyList<CategoryNode> all, string categoryId)
    {
        var byId = all.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(categoryId);
        while (pending.TryPop(out var id))
        {
            if (found.Add(id) && byId.TryGetValue(id, out var node))
            {
                foreach (var child in node.ChildIds)
                {
                    pending.Push(child);
                }
            }
        }

        return found;
    }

    private static List<CatalogSort>? Sort(IResolverContext context)
    {
        if (context.ArgumentValue<IReadOnlyList<object?>?>("order") is not { } items)
        {
            return null;
        }

        var sorts = new List<CatalogSort>();
        foreach (var item in items.OfType<IReadOnlyDictionary<string, object?>>())
        {
            var sort = new Input(item);
            var field = sort.String("field") switch
            {
                "RELEVANCE" => CatalogSortField.Relevance,
                "NAME" => CatalogSortField.Name,
                "PRICE" => CatalogSortField.Price,
                "CREATED_AT" => CatalogSortField.CreatedAt,
                "RATING" => CatalogSortField.Rating,
                var other => throw ShopErrors.Exception($"Products cannot be sorted by \"{other}\".", ShopErrors.InvalidArgument),
            };
            sorts.Add(new CatalogSort(field, sort.String("direction") == "DESC"));
        }

        return sorts;
    }
}
