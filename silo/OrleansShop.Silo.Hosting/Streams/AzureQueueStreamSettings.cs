using System.Text.RegularExpressions;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// Azure Queue storage for the domain events (<c>OrleansShop:Streams:AzureQueue</c>): a connection string (Azurite, or an
/// account key from a secret store) or the queue endpoint reached with the process's Azure identity.
/// </summary>
public sealed partial class AzureQueueStreamSettings
{
    private const string Prefix = StreamSettings.Section + ":AzureQueue:";

    /// <summary>A storage connection string; it holds the account key, so keep it out of images and templates.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The queue endpoint, <c>https://ACCOUNT.queue.core.windows.net/</c>, signed in with the process's identity.</summary>
    public string? QueueServiceUri { get; set; }

    /// <summary>The queues are named PREFIX-0 .. PREFIX-(QueueCount-1); clusters sharing an account need different prefixes.</summary>
    public string QueuePrefix { get; set; } = "orleansshop-events";

    /// <summary>How many queues the events are spread over: the most silos that read events side by side.</summary>
    public int QueueCount { get; set; } = 8;

    /// <summary>
    /// How long a message read by a silo stays hidden from the others. A silo that dies holding messages leaves them
    /// invisible this long, after which another silo delivers them: the bound on how late an event can be after a crash.
    /// </summary>
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<string> QueueNames() =>
        [.. Enumerable.Range(0, QueueCount).Select(i => $"{QueuePrefix}-{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}")];

    public IEnumerable<string> Problems()
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        var hasUri = !string.IsNullOrWhiteSpace(QueueServiceUri);
        if (hasConnectionString == hasUri)
        {
            yield return $"Azure Queue streams need exactly one of {Prefix}ConnectionString (e.g. Azurite's) or {Prefix}QueueServiceUri "
                + "(https://ACCOUNT.queue.core.windows.net/, with a managed identity)" + (hasUri ? "; both are set." : "; neither is set.");
        }

        if (hasUri && (!Uri.TryCreate(QueueServiceUri, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{Prefix}QueueServiceUri '{QueueServiceUri}' must be an absolute https:// address (an identity's token is sent over TLS only); "
                + $"for Azurite over http use {Prefix}ConnectionString.";
        }

        if (QueueCount is < 1 or > 64)
        {
            yield return $"{Prefix}QueueCount must be 1 to 64; it is {QueueCount}.";
        }

        // Azure's rule for queue names (3-63 lower-case letters, digits and single hyphens), checked on the longest name.
        var longest = $"{QueuePrefix}-{Math.Max(QueueCount - 1, 0)}";
        if (string.IsNullOrEmpty(QueuePrefix) || !QueueName().IsMatch(longest))
        {
            yield return $"{Prefix}QueuePrefix '{QueuePrefix}' does not make Azure queue names ('{longest}'): 3-63 lower-case letters, "
                + "digits and single hyphens, starting with a letter or digit.";
        }

        if (MessageVisibilityTimeout < TimeSpan.FromSeconds(1) || MessageVisibilityTimeout > TimeSpan.FromDays(7))
        {
            yield return $"{Prefix}MessageVisibilityTimeout must be from a second to 7 days; it is {MessageVisibilityTimeout}.";
        }
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$")]
    private static partial Regex QueueName();
}
