using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

internal sealed class CustomerState
{
    /// <summary>Null until the customer registers.</summary>
    public string? Email { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    public string? Phone { get; set; }

    public string PasswordHash { get; set; } = string.Empty;

    public List<Role> Roles { get; set; } = [];

    public List<Address> Addresses { get; set; } = [];

    public string? DefaultAddressId { get; set; }

    public List<RefreshTokenEntry> RefreshTokens { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
