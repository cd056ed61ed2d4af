using OrleansShop.GrainInterfaces;

namespace OrleansShop.ReadModels.Orders;

/// <summary>The admin order list's filter: any of the statuses, the customer's email (any case), placed in [after, before).</summary>
public sealed record OrderListFilter(
    IReadOnlyList<OrderStatus>? Statuses = null,
    string? CustomerEmail = null,
    DateTimeOffset? PlacedAfter = null,
    DateTimeOffset? PlacedBefore = null);
