using OrleansShop.GrainInterfaces;
using OrleansShop.ReadModels.Catalog;

namespace OrleansShop.Api.Schema;

/// <summary>
/// A page of products from the catalog read model. The total count and facets are queried only when a client selects
/// them (resolvers in <see cref="CatalogResolvers"/>), so a plain product list costs one SQL query.
/// </summary>
internal sealed class ProductConnection(CatalogQuery query, ProductConnectionPage page)
{
    public CatalogQuery Query { get; } = query;

    public IReadOnlyList<Edge<ProductDetails>> Edges => page.Edges;

    public IReadOnlyList<ProductDetails> Nodes => page.Nodes;

    public PageInfo PageInfo => page.PageInfo;
}
