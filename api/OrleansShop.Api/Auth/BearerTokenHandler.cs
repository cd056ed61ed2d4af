using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OrleansShop.Silo.Hosting.Payments;

namespace OrleansShop.Api.Auth;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;access token&gt;</c> into the request's user, which the GraphQL request context
/// carries to resolvers. No header means an anonymous caller; a bad or expired token fails authentication, so the caller
/// is anonymous as well and fields that need a customer say UNAUTHENTICATED.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokens tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        // The payment sandbox stands for another party: its bearer is its own API key, checked by its endpoints, not
        // a shop access token (trying it as one only logged a failed sign-in on every payment).
        if (Request.Path.StartsWithSegments(SandboxApi.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var principal = await tokens.ValidateAsync(header["Bearer ".Length..].Trim());
        return principal is null
            ? AuthenticateResult.Fail("The access token is invalid or expired.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
