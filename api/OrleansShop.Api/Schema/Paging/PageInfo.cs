namespace OrleansShop.Api.Schema;

/// <summary>The contract's Relay <c>PageInfo</c>.</summary>
internal sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
