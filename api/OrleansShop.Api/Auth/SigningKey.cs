using Microsoft.Extensions.Options;
using OrleansShop.Silo.Hosting;

namespace OrleansShop.Api.Auth;

/// <summary>The bytes that sign access tokens: configured, or in Development generated once and kept under the data directory.</summary>
public sealed class SigningKey(IOptions<AuthOptions> auth, IOptions<ShopOptions> shop, IHostEnvironment environment, ILogger<SigningKey> logger)
{
    public const string FileName = ShopDataFiles.AuthSigningKey;

    public byte[] Bytes { get; } = ConfiguredSecret.Resolve(
        auth.Value.SigningKey, "OrleansShop:Auth:SigningKey", FileName, 64, shop.Value.DataDirectory, environment, logger);
}
