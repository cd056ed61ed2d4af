namespace OrleansShop.GrainInterfaces;

/// <summary>A cart priced at the moment it was read. <see cref="MergedInto"/> is set once a guest cart was merged away.</summary>
public sealed record CartView(
    string Id,
    IReadOnlyList<CartLineView> Lines,
    int ItemCount,
    Money Subtotal,
    DateTimeOffset UpdatedAt,
    string? MergedInto = null);
