namespace OrleansShop.Api.Schema;

/// <summary>One item of a connection page with its cursor (ProductEdge, ReviewEdge, OrderEdge, CustomerEdge).</summary>
internal sealed record Edge<T>(string Cursor, T Node);
