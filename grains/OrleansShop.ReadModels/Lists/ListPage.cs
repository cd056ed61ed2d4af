namespace OrleansShop.ReadModels.Lists;

/// <summary>One page of a read-model list, with the Relay page info and the count of everything the filter matches.</summary>
public sealed record ListPage<T>(IReadOnlyList<(ListCursor Cursor, T Item)> Items, bool HasNextPage, bool HasPreviousPage, int TotalCount);
