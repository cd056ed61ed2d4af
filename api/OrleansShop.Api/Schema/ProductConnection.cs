using OrleansShop.GraphQL.Building;
using OrleansShop.ReadModels.Catalog;

namespace OrleansShop.Api.Schema;

/// <summary>
/// A page of products from the catalog read model. The total count and facets are queried only when a client selects
/// them (resolvers in <see cref="CatalogResolvers"/>), so a plain product list costs one SQL query.
/// </summary>
internal sealed class ProductConnection(CatalogQuery query, IReadOnlyList<Edge> edges, IReadOnlyList<object?> nodes, PageInfo pageInfo)
{
    public CatalogQuery Query { get; } = query;

    public IReadOnlyList<Edge> Edges { get; } = edges;

    public IReadOnlyList<object?> Nodes { get; } = nodes;

    public PageInfo PageInfo { get; } = pageInfo;
}
