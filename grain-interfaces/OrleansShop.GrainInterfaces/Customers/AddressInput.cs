namespace OrleansShop.GrainInterfaces;

/// <summary>An address as a shopper types it, before it has an id.</summary>
public sealed record AddressInput(
    string Name,
    string Line1,
    string? Line2,
    string City,
    string? Region,
    string PostalCode,
    string Country,
    string? Phone = null);
