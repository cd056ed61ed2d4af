using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;

namespace OrleansShop.Silo.Hosting.Secrets;

/// <summary>
/// Every enabled, current secret of one Key Vault as configuration: a secret named <c>OrleansShop--Auth--SigningKey</c> is
/// the key <c>OrleansShop:Auth:SigningKey</c> (Key Vault names allow letters, digits and dashes only, so <c>--</c> stands
/// for the separator). Azure's own configuration package for this is not served here, hence this small one over its
/// secrets client. Read once at start-up (a vault that cannot be read stops it) and again by <see cref="KeyVaultSecretsReloader"/>:
/// a reload that changes a value fires the configuration's change token, so options monitors see the rotated secret; a
/// reload that fails leaves the values as they were.
/// </summary>
internal sealed class KeyVaultSecretsConfigurationProvider(SecretClient client, TimeProvider time) : ConfigurationProvider
{
    public const string Separator = "--";

    public static string ConfigurationKey(string secretName) =>
        secretName.Replace(Separator, ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);

    /// <summary>When the values now served were read.</summary>
    public DateTimeOffset? LoadedAt { get; private set; }

    /// <summary>
    /// The start-up read, blocking on the same calls a reload makes (configuration loads synchronously). Only the first
    /// call reads: inserting any source ahead of this one rebuilds every provider and loads it again, and a vault's calls
    /// are metered and throttled, while <see cref="KeyVaultSecretsReloader"/> keeps the values fresh on its own.
    /// </summary>
    public override void Load()
    {
        if (LoadedAt is null)
        {
            Data = ReadAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// Serves <paramref name="read"/> (what <see cref="ReadAsync"/> returned, kept as it is) in place of the values now served. Returns the
    /// configuration keys whose value changed, appeared or went away (names only); the caller then fires
    /// <see cref="NotifyChanged"/> when there is any, apart, because listeners may refuse the values after they are served.
    /// </summary>
    public IReadOnlyList<string> Replace(Dictionary<string, string?> read)
    {
        var before = Data;
        var changed = read.Where(entry => !before.TryGetValue(entry.Key, out var old) || !string.Equals(old, entry.Value, StringComparison.Ordinal))
            .Select(entry => entry.Key)
            .Concat(before.Keys.Where(key => !read.ContainsKey(key)))
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (changed.Count > 0)
        {
            Data = read;
        }

        return changed;
    }

    /// <summary>
    /// Fires the configuration's reload token. Listeners run inside: an options monitor validating its options throws
    /// from here when the new values fail validation.
    /// </summary>
    public void NotifyChanged() => OnReload();

    /// <summary>
    /// Every enabled, current secret of the vault, read now, by configuration key (case-insensitive, as configuration is);
    /// throws when the vault cannot be read.
    /// </summary>
    public async Task<Dictionary<string, string?>> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        await foreach (var secret in client.GetPropertiesOfSecretsAsync(cancellationToken).ConfigureAwait(false))
        {
            // A disabled, expired or not yet valid secret is not served by the vault either; a retired one must not linger.
            if (secret.Enabled != true || secret.ExpiresOn <= now || secret.NotBefore > now)
            {
                continue;
            }

            var value = await client.GetSecretAsync(secret.Name, null, cancellationToken).ConfigureAwait(false);
            data[ConfigurationKey(secret.Name)] = value.Value.Value;
        }

        LoadedAt = now;
        return data;
    }
}
