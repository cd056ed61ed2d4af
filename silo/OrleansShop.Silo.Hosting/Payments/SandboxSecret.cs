using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrleansShop.Silo.Hosting.Payments;

/// <summary>
/// The secret shared by the shop and the sandbox: configured, or in Development generated once under the data directory;
/// and during a rotation the previous ones (<c>PreviousWebhookSecrets</c>), still accepted on notifications and on the
/// sandbox's API while the other processes move to the new secret. It follows configuration reloads (Key Vault's among
/// them); a reload with a secret that is too short is refused and the secrets in use stay.
/// </summary>
public sealed partial class SandboxSecret : IDisposable
{
    public const string FileName = "payments-sandbox-secret";
    public const string CurrentSetting = SandboxOptions.Section + ":WebhookSecret";
    public const string PreviousSetting = SandboxOptions.Section + ":PreviousWebhookSecrets";

    private readonly IOptions<ShopOptions> shop;
    private readonly IHostEnvironment environment;
    private readonly ILogger<SandboxSecret> logger;
    private readonly RotatedSecrets<SandboxOptions, Generation> secrets;

    public SandboxSecret(IOptionsMonitor<SandboxOptions> sandbox, IOptions<ShopOptions> shop, IHostEnvironment environment, ILogger<SandboxSecret> logger)
    {
        this.shop = shop;
        this.environment = environment;
        this.logger = logger;

        // The message of a refusal names the setting and its rule, never the value.
        secrets = new RotatedSecrets<SandboxOptions, Generation>(
            sandbox,
            Read,
            (next, current) => next.ApiKeys.SequenceEqual(current.ApiKeys, StringComparer.Ordinal),
            next => LogChanged(next.Secrets.Count - 1),
            LogRefused);
    }

    /// <summary>The HMAC key of notifications sent now.</summary>
    public byte[] Bytes => secrets.Current.Secrets[0];

    /// <summary>The bearer key the shop presents to the sandbox's charge and refund endpoints (derived, so one secret configures both).</summary>
    public string ApiKey => secrets.Current.ApiKeys[0];

    /// <summary>The current secret, then the previous ones: a notification signed with any of them is genuine.</summary>
    public IReadOnlyList<byte[]> Accepted => secrets.Current.Secrets;

    /// <summary>The API keys of <see cref="Accepted"/>, in the same order.</summary>
    public IReadOnlyList<string> AcceptedApiKeys => secrets.Current.ApiKeys;

    public void Dispose() => secrets.Dispose();

    private Generation Read(SandboxOptions options)
    {
        var secret = ConfiguredSecret.Resolve(options.WebhookSecret, CurrentSetting, FileName, 48, shop.Value.DataDirectory, environment, logger);
        List<byte[]> secrets = [secret, .. ConfiguredSecret.ResolvePrevious(options.PreviousWebhookSecrets, PreviousSetting)];
        return new Generation(secrets, secrets.Select(s => Convert.ToHexStringLower(HMACSHA256.HashData(s, "sandbox api key"u8))).ToList());
    }

    private sealed record Generation(IReadOnlyList<byte[]> Secrets, IReadOnlyList<string> ApiKeys);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment sandbox: the webhook secret changed; {PreviousCount} previous secrets still accepted")]
    private partial void LogChanged(int previousCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment sandbox: the reloaded webhook secrets were refused ({Problem}); the secrets in use stay")]
    private partial void LogRefused(string problem);
}
