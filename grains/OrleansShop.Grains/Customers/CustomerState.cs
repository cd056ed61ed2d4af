using Orleans;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Grains;

[GenerateSerializer, Alias("shop.CustomerState")]
internal sealed class CustomerState
{
    /// <summary>Null until the customer registers.</summary>
    [Id(0)]
    public string? Email { get; set; }

    [Id(1)]
    public string DisplayName { get; set; } = string.Empty;

    [Id(2)]
    public string? Phone { get; set; }

    [Id(3)]
    public string PasswordHash { get; set; } = string.Empty;

    [Id(4)]
    public List<Role> Roles { get; set; } = [];

    [Id(5)]
    public List<Address> Addresses { get; set; } = [];

    [Id(6)]
    public string? DefaultAddressId { get; set; }

    [Id(7)]
    public List<RefreshTokenEntry> RefreshTokens { get; set; } = [];

    [Id(8)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(9)]
    public DateTimeOffset UpdatedAt { get; set; }
}
