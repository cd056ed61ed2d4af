namespace OrleansShop.GrainInterfaces;

/// <summary>How unique values are normalized into index grain keys, so every caller finds the same grain.</summary>
public static class UniqueKeys
{
    public static string Email(string email) => email.Trim().ToLowerInvariant();

    public static string Sku(string sku) => sku.Trim().ToUpperInvariant();

    public static string Slug(string slug) => slug.Trim().ToLowerInvariant();
}
