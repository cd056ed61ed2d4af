using System.Collections.Concurrent;

namespace OrleansShop.Api.Schema;

/// <summary>
/// Client-chosen names as metric tags, bounded: each metric series costs memory in every exporter, and a client could
/// send a new operation name with every request. The first <c>limit</c> distinct short names are kept; others are "other".
/// </summary>
internal sealed class BoundedNames(int limit)
{
    public const string Other = "other";
    private const int MaxLength = 64;

    private readonly ConcurrentDictionary<string, byte> seen = new(StringComparer.Ordinal);

    public string? Bound(string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (seen.ContainsKey(name))
        {
            return name;
        }

        if (name.Length > MaxLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || seen.Count >= limit)
        {
            return Other;
        }

        seen.TryAdd(name, 0);
        return name;
    }
}
