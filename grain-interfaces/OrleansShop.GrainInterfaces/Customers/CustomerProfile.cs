namespace OrleansShop.GrainInterfaces;

/// <summary>A customer as the API shows it: never the password hash or tokens.</summary>
public sealed record CustomerProfile(
    string Id,
    string Email,
    string DisplayName,
    string? Phone,
    IReadOnlyList<Role> Roles,
    IReadOnlyList<Address> Addresses,
    string? DefaultAddressId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
