using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansShop.Silo.Hosting;

namespace OrleansShop.Api.Tests.Support;

/// <summary>
/// The real API with its secrets in a Key Vault that answers from memory, read again every 100 ms as a vault is every
/// <c>OrleansShop:KeyVault:ReloadInterval</c>: a test rotates a secret in the vault and the running server follows.
/// </summary>
public static class VaultedShopServer
{
    public const string VaultUri = "https://shop.vault.azure.net/";

    public static Task<ShopServer> StartAsync(InMemoryVault vault, CapturingLoggerProvider? logs = null, IEnumerable<string>? settings = null) =>
        ShopServer.StartAsync(settings: settings ?? ShopServer.LimitsForManyTests, configure: builder =>
        {
            builder.Configuration.AddInMemoryCollection(
            [
                new(CommerceKeyVaultExtensions.UriKey, VaultUri),
                new(CommerceKeyVaultExtensions.ReloadIntervalKey, "00:00:00.1"),
            ]);
            builder.AddCommerceKeyVault(uri => uri == new Uri(VaultUri) ? vault : throw new ArgumentException(uri.ToString()), TimeProvider.System);
            if (logs is not null)
            {
                builder.Services.AddSingleton<ILoggerProvider>(logs);
            }
        });

    /// <summary>A secret of 48 random bytes, as the runbook makes one (base64).</summary>
    public static string NewSecret() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
}
