using OrleansShop.GrainInterfaces;

namespace OrleansShop.ReadModels.Orders;

/// <summary>
/// An order as the admin order list shows and filters it. <see cref="Version"/> grows with every status change, so a
/// read model keeps the newest listing whatever order the updates arrive in.
/// </summary>
public sealed record OrderListing(
    string OrderId,
    string Number,
    string? CustomerId,
    string Email,
    OrderStatus Status,
    Money Total,
    DateTimeOffset PlacedAt,
    long Version);
