namespace OrleansShop.ReadModels.Catalog;

/// <summary>A Relay-style page: <see cref="First"/> after a cursor, or <see cref="Last"/> before one (not both).</summary>
public sealed record CatalogPageRequest(int? First = null, string? After = null, int? Last = null, string? Before = null);
