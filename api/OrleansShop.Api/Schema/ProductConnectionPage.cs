using OrleansShop.GraphQL.Building;

namespace OrleansShop.Api.Schema;

/// <summary>A page of products as loaded from their grains, shared (read-only) by the requests the cache answers.</summary>
internal sealed record ProductConnectionPage(IReadOnlyList<Edge> Edges, IReadOnlyList<object?> Nodes, PageInfo PageInfo);
