using System.Security.Claims;

namespace OrleansShop.Api.Auth;

/// <summary>The claims an access token carries, and what a request's principal says about the caller.</summary>
public static class ShopClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Email = "email";
    public const string AdminRole = "ADMIN";
    public const string CustomerRole = "CUSTOMER";

    /// <summary>The signed-in customer's id, or null for an anonymous caller.</summary>
    public static string? CustomerId(this ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirst(Subject)?.Value : null;

    public static bool IsAdmin(this ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true && user.IsInRole(AdminRole);
}
