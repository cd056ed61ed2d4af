using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Schema;

/// <summary>A page of products as loaded from their grains, shared (read-only) by the requests the cache answers.</summary>
internal sealed record ProductConnectionPage(IReadOnlyList<Edge<ProductDetails>> Edges, IReadOnlyList<ProductDetails> Nodes, PageInfo PageInfo);
