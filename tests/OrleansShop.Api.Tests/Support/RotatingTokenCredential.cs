using Azure.Core;

namespace OrleansShop.Api.Tests.Support;

/// <summary>
/// A stand-in for Entra ID only: it hands out whatever token the test last set, as the managed identity's endpoint hands
/// out a renewed one, and remembers the scopes it was asked for. Everything behind it (Npgsql, PostgreSQL) is real.
/// </summary>
public sealed class RotatingTokenCredential(string token) : TokenCredential
{
    private volatile string _token = token;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _scopes = new();

    public string Token
    {
        get => _token;
        set => _token = value;
    }

    public IReadOnlyCollection<string> RequestedScopes => [.. _scopes.Distinct(StringComparer.Ordinal)];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => Issue(requestContext);

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Issue(requestContext));

    private AccessToken Issue(TokenRequestContext requestContext)
    {
        foreach (var scope in requestContext.Scopes)
        {
            _scopes.Enqueue(scope);
        }

        return new AccessToken(_token, DateTimeOffset.UtcNow.AddHours(1));
    }
}
