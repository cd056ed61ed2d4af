using System.Text;
using Microsoft.Extensions.Options;
using OrleansShop.Api.Hosting;

namespace OrleansShop.Api.Auth;

/// <summary>The bytes that sign access tokens: configured, or in Development generated once and kept under the data directory.</summary>
public sealed class SigningKey
{
    public const string FileName = "auth-signing-key";
    public const int MinimumBytes = 32;

    public SigningKey(IOptions<AuthOptions> auth, IOptions<ShopOptions> shop, IHostEnvironment environment, ILogger<SigningKey> logger)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrEmpty(auth.Value.SigningKey))
        {
            Bytes = Encoding.UTF8.GetBytes(auth.Value.SigningKey);
            if (Bytes.Length < MinimumBytes)
            {
                throw new InvalidOperationException($"OrleansShop:Auth:SigningKey must be at least {MinimumBytes} bytes long.");
            }

            return;
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "OrleansShop:Auth:SigningKey is not set. Set it (at least 32 random bytes, e.g. OrleansShop__Auth__SigningKey from a secret store); "
                + "only the Development environment generates one by itself.");
        }

        Bytes = LoadOrCreate(Path.Combine(shop.Value.DataDirectory, FileName), logger);
    }

    public byte[] Bytes { get; }

    private static byte[] LoadOrCreate(string path, ILogger logger)
    {
        var key = DevelopmentSecretFile.LoadOrCreate(path, 64, out var created);
        if (created)
        {
            logger.LogWarning("Generated a development signing key for access tokens at {Path}; set OrleansShop:Auth:SigningKey outside Development.", Path.GetFullPath(path));
        }

        return key;
    }
}
