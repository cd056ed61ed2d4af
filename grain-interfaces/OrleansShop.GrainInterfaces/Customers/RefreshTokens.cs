namespace OrleansShop.GrainInterfaces;

/// <summary>
/// Refresh tokens read "{customerId}.{secret}": the API finds the customer grain from the token alone, and the secret
/// is what the grain checks (by its SHA-256 hash).
/// </summary>
public static class RefreshTokens
{
    public const char Separator = '.';

    /// <summary>The customer id a token names, or null when the token is malformed.</summary>
    public static string? CustomerIdOf(string? refreshToken)
    {
        var separator = refreshToken?.LastIndexOf(Separator) ?? -1;
        return separator > 0 && separator < refreshToken!.Length - 1 ? refreshToken[..separator] : null;
    }
}
