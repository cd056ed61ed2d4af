using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Text;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// A secret the shop needs from configuration (the access-token signing key, the payment sandbox's shared secret), and the
/// ones it still accepts while that secret is rotated. Outside Development a missing one stops start-up, so production
/// never runs on a made-up key; in Development one is generated once into a file under the data directory, so a
/// newcomer's <c>dotnet run</c> needs no setup.
/// </summary>
public static class ConfiguredSecret
{
    public const int MinimumBytes = 32;

    /// <param name="configured">The configured value, or null.</param>
    /// <param name="setting">Its configuration key, e.g. <c>OrleansShop:Auth:SigningKey</c>, for the messages.</param>
    /// <param name="developmentFile">The file under <paramref name="dataDirectory"/> that keeps a generated one.</param>
    public static byte[] Resolve(
        string? configured,
        string setting,
        string developmentFile,
        int generatedBytes,
        string dataDirectory,
        IHostEnvironment environment,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(logger);
        if (!string.IsNullOrEmpty(configured))
        {
            return Decode(configured, setting);
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{setting} is not set. Set it (at least {MinimumBytes} random bytes, e.g. {setting.Replace(":", "__", StringComparison.Ordinal)} "
                + "from a secret store); only the Development environment generates one by itself.");
        }

        var path = Path.Combine(dataDirectory, developmentFile);
        var secret = DevelopmentSecretFile.LoadOrCreate(path, generatedBytes, out var created);
        if (created)
        {
            logger.LogWarning("Generated a development secret for {Setting} at {Path}; set it outside Development.", setting, Path.GetFullPath(path));
        }

        return secret;
    }

    /// <summary>
    /// The secrets still accepted during a rotation (e.g. <c>OrleansShop:Auth:PreviousSigningKeys</c>), each held to the
    /// same length as the current one; empty entries are skipped (an emptied secret is a removed one). They are bound by
    /// name (<c>:0</c>, <c>:1</c>, or any other), so a message names the very setting that is wrong.
    /// </summary>
    /// <param name="setting">The section's configuration key; an error names the entry, e.g. <c>OrleansShop:Auth:PreviousSigningKeys:1</c>.</param>
    public static IReadOnlyList<byte[]> ResolvePrevious(IReadOnlyDictionary<string, string?>? configured, string setting) =>
        (configured ?? new Dictionary<string, string?>())
            .Where(entry => !string.IsNullOrEmpty(entry.Value))
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => Decode(entry.Value!, $"{setting}:{entry.Key}"))
            .ToList();

    private static byte[] Decode(string configured, string setting)
    {
        var bytes = Encoding.UTF8.GetBytes(configured);
        return bytes.Length >= MinimumBytes
            ? bytes
            : throw new InvalidOperationException($"{setting} must be at least {MinimumBytes} bytes long.");
    }
}
