namespace OrleansShop.GrainInterfaces;

/// <summary>A postal address; <see cref="Country"/> is ISO-3166 alpha-2.</summary>
public sealed record Address(
    string Id,
    string Name,
    string Line1,
    string? Line2,
    string City,
    string? Region,
    string PostalCode,
    string Country,
    string? Phone);
