namespace OrleansShop.GraphQL.Building;

/// <summary>Where a page of a cursor connection sits in the whole list.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
