namespace OrleansShop.GrainInterfaces;

/// <summary>
/// A checkout of one cart. The API resolves a saved shipping address id into <see cref="ShippingAddress"/>;
/// <see cref="CustomerId"/> is null for a guest.
/// </summary>
public sealed record CheckoutRequest(
    string CartId,
    string? CustomerId,
    string Email,
    AddressInput ShippingAddress,
    string IdempotencyKey);
