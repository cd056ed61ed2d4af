using System.Globalization;

namespace OrleansShop.Runtime.Clustering;

/// <summary>
/// One incarnation of a silo: where it listens for other silos, and when it started. A restarted process on the same
/// endpoint has a new generation, so a dead identity never comes back.
/// </summary>
public readonly record struct SiloAddress(string Host, int Port, long Generation)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}@{Generation}");

    /// <summary>Parses <see cref="ToString"/>'s form <c>host:port@generation</c>.</summary>
    public static SiloAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf('@');
        var colon = at < 0 ? -1 : text.LastIndexOf(':', at);
        if (colon <= 0)
        {
            throw new FormatException($"'{text}' is not a silo address (host:port@generation).");
        }

        return new SiloAddress(
            text[..colon],
            int.Parse(text.AsSpan(colon + 1, at - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture),
            long.Parse(text.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture));
    }

    /// <summary>Whether <paramref name="other"/> listens on the same endpoint (maybe as another incarnation).</summary>
    public bool SameEndpoint(SiloAddress other) =>
        Port == other.Port && string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase);
}
