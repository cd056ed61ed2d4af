using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;

namespace OrleansShop.Silo.Hosting.Secrets;

internal sealed class KeyVaultSecretsConfigurationSource(SecretClient client, TimeProvider time) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new KeyVaultSecretsConfigurationProvider(client, time);
}
