using MimeKit;

namespace OrleansShop.Silo.Hosting.Mail;

/// <summary>
/// The order mailer, bound from <c>OrleansShop:Mail</c>. Without <see cref="Host"/> there is no mailer: notifications
/// wait in the outbox (the embedded demo needs no mail server) and go out once a server is configured. The password
/// comes from configuration, Key Vault in Azure (secret <c>OrleansShop--Mail--Password</c>), and is never logged.
/// </summary>
public sealed class MailSettings
{
    public const string Section = ShopOptions.Section + ":Mail";

    private const string Prefix = Section + ":";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public MailTlsMode Tls { get; set; } = MailTlsMode.StartTls;

    /// <summary>Signs in with this user and <see cref="Password"/> when set; a relay that needs no sign-in leaves both unset.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, <c>shop@example.com</c> or <c>"Example Shop" &lt;shop@example.com&gt;</c>; its domain ends each Message-Id.</summary>
    public string? From { get; set; }

    /// <summary>The most notifications claimed and sent over one connection.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How often the outbox is looked at while it has nothing due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The wait after a first failed attempt; it doubles with each further one up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Attempts at one notification before it is given up as failed (kept in the outbox, logged as an error). A server
    /// that cannot be reached does not use up attempts: only an answer refusing the message does.
    /// </summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a claimed batch is hidden from other silos: longer than a batch takes, since a silo that dies mid-batch leaves its notifications to be sent again after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The SMTP client's timeout for each step (connect, each command).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The sender as a mailbox; only for settings without <see cref="Problems"/>.</summary>
    public MailboxAddress Sender => MailboxAddress.Parse(From ?? throw new InvalidOperationException($"{Prefix}From is not set."));

    /// <summary>What is wrong with these settings, one sentence each, naming the keys (never a value of a secret).</summary>
    public IEnumerable<string> Problems()
    {
        if (!IsConfigured)
        {
            yield break;
        }

        if (Port is < 1 or > 65535)
        {
            yield return $"{Prefix}Port must be 1 to 65535; it is {Port}.";
        }

        if (!Enum.IsDefined(Tls))
        {
            yield return $"{Prefix}Tls must be one of {string.Join(", ", Enum.GetNames<MailTlsMode>())}.";
        }

        if (string.IsNullOrWhiteSpace(From) || !MailboxAddress.TryParse(From, out var sender) || !sender.Address.Contains('@', StringComparison.Ordinal))
        {
            yield return $"{Prefix}From must be the sender's address (shop@example.com, or \"Name\" <shop@example.com>).";
        }

        if (string.IsNullOrEmpty(User) != string.IsNullOrEmpty(Password))
        {
            yield return $"{Prefix}User and {Prefix}Password are set together or not at all.";
        }

        if (BatchSize is < 1 or > 1000 || MaxAttempts < 1)
        {
            yield return $"{Prefix}BatchSize must be 1 to 1000 and {Prefix}MaxAttempts at least 1; they are {BatchSize} and {MaxAttempts}.";
        }

        if (PollInterval <= TimeSpan.Zero || RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay || Timeout <= TimeSpan.Zero || Lease <= Timeout)
        {
            yield return $"{Prefix}PollInterval, RetryDelay and Timeout must be above zero, MaxRetryDelay at least RetryDelay, and Lease longer than Timeout.";
        }
    }
}
