namespace OrleansShop.GraphQL.Building;

/// <summary>An edge of a cursor connection: a node and the opaque cursor that points at it.</summary>
public sealed record Edge(string Cursor, object? Node);
