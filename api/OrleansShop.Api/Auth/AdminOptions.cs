namespace OrleansShop.Api.Auth;

/// <summary>
/// The first administrator, bound from <c>OrleansShop:Admin</c> (<c>OrleansShop__Admin__Email</c>,
/// <c>OrleansShop__Admin__Password</c>). There is no default password: without both settings no administrator is created.
/// </summary>
public sealed class AdminOptions
{
    public const string Section = "OrleansShop:Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }

    public string DisplayName { get; set; } = "Administrator";
}
