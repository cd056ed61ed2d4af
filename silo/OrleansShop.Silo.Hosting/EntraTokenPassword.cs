using Azure.Core;
using Npgsql;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// Azure Database for PostgreSQL's Entra ID sign-in: the password is an access token for the service's resource, asked
/// of an Azure credential (the managed identity in Azure). Npgsql's periodic password provider calls it in the background
/// and hands the last good token to every new physical connection, so a renewed token reaches the pool without a restart
/// and no connection open waits for Entra; connections already open stay signed in (the server checks the token once).
/// </summary>
internal static class EntraTokenPassword
{
    /// <summary>The token's audience: Azure's open-source relational databases (PostgreSQL and MySQL), in every public cloud region.</summary>
    public const string Scope = "https://ossrdbms-aad.database.windows.net/.default";

    // A failed fetch (Entra or the identity endpoint briefly away) is tried again soon, while the last token still serves.
    private static readonly TimeSpan s_retryAfterFailure = TimeSpan.FromSeconds(10);

    public static NpgsqlDataSourceBuilder UseEntraTokenPassword(this NpgsqlDataSourceBuilder builder, TokenCredential credential, TimeSpan refreshInterval)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(credential);
        var context = new TokenRequestContext([Scope]);
        return builder.UsePeriodicPasswordProvider(
            async (_, cancellationToken) => (await credential.GetTokenAsync(context, cancellationToken).ConfigureAwait(false)).Token,
            refreshInterval,
            refreshInterval < s_retryAfterFailure ? refreshInterval : s_retryAfterFailure);
    }
}
