namespace OrleansShop.Grains;

/// <summary>A customer as the admin customer list shows and searches it; <see cref="Version"/> grows with every profile change.</summary>
public sealed record CustomerListing(string CustomerId, string Email, string DisplayName, DateTimeOffset CreatedAt, long Version);
