namespace OrleansShop.Silo.Hosting.Payments;

/// <summary>The payment sandbox mounted in the app (configuration section OrleansShop:Payments:Sandbox).</summary>
public sealed class SandboxOptions
{
    public const string Section = "OrleansShop:Payments:Sandbox";

    /// <summary>
    /// Where the shop reaches the sandbox and the sandbox reaches the shop's webhook; null: this process's own first
    /// listening address (a wildcard host becomes 127.0.0.1).
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>The shared secret that signs the sandbox's notifications and authenticates the shop's API calls; null: a development secret under the data directory.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// Secrets a rotation replaced, by any name (<c>PreviousWebhookSecrets:0</c>, <c>:1</c>): notifications signed with them
    /// and API keys derived from them are still accepted, nothing is signed with them. Removed once every process has the
    /// new secret (deploy/azure/README.md, "Secret rotation").
    /// </summary>
    public Dictionary<string, string?> PreviousWebhookSecrets { get; set; } = [];

    /// <summary>How old a signed notification may be; older ones are refused as replays.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often undelivered notifications are sent again.</summary>
    public TimeSpan RedeliveryInterval { get; set; } = TimeSpan.FromSeconds(2);
}
