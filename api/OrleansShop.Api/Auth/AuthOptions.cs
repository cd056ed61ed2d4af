namespace OrleansShop.Api.Auth;

/// <summary>Access tokens, bound from <c>OrleansShop:Auth</c> (e.g. <c>OrleansShop__Auth__SigningKey</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "OrleansShop:Auth";

    /// <summary>
    /// The HS256 key that signs access tokens: at least 32 bytes of UTF-8 text. When absent in Development a random key is
    /// generated once and kept under the data directory; elsewhere start-up fails, so no deployment runs on a guessable key.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Keys that signed tokens still in use, by any name (<c>OrleansShop:Auth:PreviousSigningKeys:0</c>, <c>:1</c>): tokens
    /// signed with them are accepted, none is signed with them. A rotation moves the old <see cref="SigningKey"/> here and
    /// removes it once its last token has expired (deploy/azure/README.md, "Secret rotation").
    /// </summary>
    public Dictionary<string, string?> PreviousSigningKeys { get; set; } = [];

    public string Issuer { get; set; } = "orleansshop";

    public string Audience { get; set; } = "orleansshop";

    /// <summary>Short, because an access token cannot be revoked: sign-out and password changes end refresh tokens only.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
