using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;

namespace OrleansShop.Silo.Hosting.Secrets;

/// <summary>
/// Every enabled, current secret of one Key Vault as configuration, read once at start-up: a secret named
/// <c>OrleansShop--Auth--SigningKey</c> is the key <c>OrleansShop:Auth:SigningKey</c> (Key Vault names allow letters, digits
/// and dashes only, so <c>--</c> stands for the separator). Azure's own configuration package for this is not served here,
/// hence this small one over its secrets client. A rotated secret takes effect at the next start (a new revision).
/// </summary>
internal sealed class KeyVaultSecretsConfigurationProvider(SecretClient client, TimeProvider time) : ConfigurationProvider
{
    public const string Separator = "--";

    public static string ConfigurationKey(string secretName) =>
        secretName.Replace(Separator, ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);

    public override void Load()
    {
        var now = time.GetUtcNow();
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var secret in client.GetPropertiesOfSecrets())
        {
            // A disabled, expired or not yet valid secret is not served by the vault either; a retired one must not linger.
            if (secret.Enabled != true || secret.ExpiresOn <= now || secret.NotBefore > now)
            {
                continue;
            }

            data[ConfigurationKey(secret.Name)] = client.GetSecret(secret.Name, null, CancellationToken.None).Value.Value;
        }

        Data = data;
    }
}
