namespace OrleansShop.ReadModels.Lists;

/// <summary>Relay paging arguments over a newest-first list: <c>first</c>/<c>after</c> walk towards older items, <c>last</c>/<c>before</c> towards newer.</summary>
public sealed record ListPageRequest(int? First, ListCursor? After, int? Last, ListCursor? Before);
