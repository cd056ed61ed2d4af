namespace OrleansShop.Runtime.Sql.Tests.Support;

/// <summary>The same state record after a later release added properties.</summary>
public sealed record CartStateWithCoupon(string Owner, int Items, string? Coupon = null, IReadOnlyList<string>? Tags = null);
