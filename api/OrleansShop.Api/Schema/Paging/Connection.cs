namespace OrleansShop.Api.Schema;

/// <summary>A page of a list as the contract's connection types read it (ReviewConnection, OrderConnection, CustomerConnection).</summary>
internal sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, IReadOnlyList<T> Nodes, PageInfo PageInfo, int TotalCount);
