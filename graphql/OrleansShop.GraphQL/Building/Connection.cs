namespace OrleansShop.GraphQL.Building;

/// <summary>
/// A page of a cursor connection (HotChocolate's and Relay's convention). A paged field's resolver may return one directly,
/// e.g. when a grain pages by itself; otherwise it returns the whole list and the engine slices it.
/// </summary>
public sealed class Connection(IReadOnlyList<Edge> edges, PageInfo pageInfo, int? totalCount = null)
{
    public IReadOnlyList<Edge> Edges { get; } = edges;

    public PageInfo PageInfo { get; } = pageInfo;

    public int? TotalCount { get; } = totalCount;
}
