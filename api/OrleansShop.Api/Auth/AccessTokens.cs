using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Auth;

/// <summary>
/// Issues and checks the short-lived HS256 access tokens (JWT) that travel as <c>Authorization: Bearer</c>: signed with the
/// current key, its id in the header's <c>kid</c>; checked against the key that id names among the current and previous keys.
/// </summary>
public sealed class AccessTokens
{
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = true };
    private readonly AuthOptions options;
    private readonly SigningKeys keys;
    private readonly TokenValidationParameters validation;
    private readonly TimeProvider clock;

    public AccessTokens(IOptions<AuthOptions> options, SigningKeys keys, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);
        this.options = options.Value;
        this.keys = keys;
        this.clock = clock ?? TimeProvider.System;
        validation = new TokenValidationParameters
        {
            ValidIssuer = this.options.Issuer,
            ValidAudience = this.options.Audience,
            // Asked per token, so a reload's keys apply at once; an unknown kid finds no key and the token is refused.
            IssuerSigningKeyResolver = (_, _, keyId, _) => keys.Ring.For(keyId),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = ShopClaims.Subject,
            RoleClaimType = ShopClaims.Role,
        };
    }

    public (string Token, DateTimeOffset ExpiresAt) Issue(CustomerProfile customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var now = clock.GetUtcNow();
        var expiresAt = now + options.AccessTokenLifetime;
        var claims = new Dictionary<string, object>
        {
            [ShopClaims.Subject] = customer.Id,
            [ShopClaims.Email] = customer.Email,
            [ShopClaims.Role] = customer.Roles.Select(RoleName).ToArray(),
        };
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = keys.Ring.Credentials,
        });
        return (token, expiresAt);
    }

    /// <summary>The token's principal, or null when it is malformed, forged or expired.</summary>
    public async Task<ClaimsPrincipal?> ValidateAsync(string token)
    {
        var result = await handler.ValidateTokenAsync(token, validation).ConfigureAwait(false);
        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity) : null;
    }

    public static string RoleName(Role role) => role == Role.Admin ? ShopClaims.AdminRole : ShopClaims.CustomerRole;
}
