using Microsoft.Extensions.Configuration;

namespace OrleansShop.Silo.Hosting.Secrets;

/// <summary>Hands the configuration one provider, the same one <see cref="KeyVaultSecretsReloader"/> reloads.</summary>
internal sealed class KeyVaultSecretsConfigurationSource(KeyVaultSecretsConfigurationProvider provider) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => provider;
}
