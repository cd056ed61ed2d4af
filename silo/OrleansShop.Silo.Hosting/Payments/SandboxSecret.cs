using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrleansShop.Silo.Hosting.Payments;

/// <summary>The secret shared by the shop and the sandbox: configured, or in Development generated once under the data directory.</summary>
public sealed class SandboxSecret
{
    public const string FileName = "payments-sandbox-secret";

    public SandboxSecret(IOptions<SandboxOptions> sandbox, IOptions<ShopOptions> shop, IHostEnvironment environment, ILogger<SandboxSecret> logger)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(shop);
        Bytes = ConfiguredSecret.Resolve(
            sandbox.Value.WebhookSecret, $"{SandboxOptions.Section}:WebhookSecret", FileName, 48, shop.Value.DataDirectory, environment, logger);
        ApiKey = Convert.ToHexStringLower(HMACSHA256.HashData(Bytes, "sandbox api key"u8));
    }

    /// <summary>The HMAC key of notifications.</summary>
    public byte[] Bytes { get; }

    /// <summary>The bearer key the shop presents to the sandbox's charge and refund endpoints (derived, so one secret configures both).</summary>
    public string ApiKey { get; }
}
