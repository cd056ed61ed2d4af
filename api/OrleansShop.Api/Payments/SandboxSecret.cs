using System.Text;
using Microsoft.Extensions.Options;
using OrleansShop.Api.Hosting;

namespace OrleansShop.Api.Payments;

/// <summary>The secret shared by the shop and the sandbox: configured, or in Development generated once under the data directory.</summary>
public sealed class SandboxSecret
{
    public const string FileName = "payments-sandbox-secret";
    public const int MinimumBytes = 32;

    public SandboxSecret(IOptions<SandboxOptions> sandbox, IOptions<ShopOptions> shop, IHostEnvironment environment, ILogger<SandboxSecret> logger)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrEmpty(sandbox.Value.WebhookSecret))
        {
            Bytes = Encoding.UTF8.GetBytes(sandbox.Value.WebhookSecret);
            if (Bytes.Length < MinimumBytes)
            {
                throw new InvalidOperationException($"{SandboxOptions.Section}:WebhookSecret must be at least {MinimumBytes} bytes long.");
            }
        }
        else if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{SandboxOptions.Section}:WebhookSecret is not set. Set it (at least {MinimumBytes} random bytes, e.g. "
                + "OrleansShop__Payments__Sandbox__WebhookSecret from a secret store); only the Development environment generates one by itself.");
        }
        else
        {
            var path = Path.Combine(shop.Value.DataDirectory, FileName);
            Bytes = DevelopmentSecretFile.LoadOrCreate(path, 48, out var created);
            if (created)
            {
                logger.LogWarning("Generated a development secret for the payment sandbox at {Path}; set {Section}:WebhookSecret outside Development.", Path.GetFullPath(path), SandboxOptions.Section);
            }
        }

        ApiKey = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Bytes, "sandbox api key"u8));
    }

    /// <summary>The HMAC key of notifications.</summary>
    public byte[] Bytes { get; }

    /// <summary>The bearer key the shop presents to the sandbox's charge and refund endpoints (derived, so one secret configures both).</summary>
    public string ApiKey { get; }
}
