namespace OrleansShop.Runtime;

/// <summary>
/// An immutable set of request context entries. Immutable so a call captures it by reference, and a small array
/// because a request carries a handful of entries at most.
/// </summary>
internal sealed class RequestContextData
{
    private readonly KeyValuePair<string, object>[] entries;

    private RequestContextData(KeyValuePair<string, object>[] entries) => this.entries = entries;

    public IEnumerable<string> Keys => entries.Select(e => e.Key).Where(k => k[0] != '#');

    public object? Get(string key)
    {
        foreach (var entry in entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }

        return null;
    }

    public static RequestContextData With(RequestContextData? data, string key, object value)
    {
        var old = data?.entries ?? [];
        for (var i = 0; i < old.Length; i++)
        {
            if (string.Equals(old[i].Key, key, StringComparison.Ordinal))
            {
                var replaced = (KeyValuePair<string, object>[])old.Clone();
                replaced[i] = new(key, value);
                return new RequestContextData(replaced);
            }
        }

        var added = new KeyValuePair<string, object>[old.Length + 1];
        old.CopyTo(added, 0);
        added[^1] = new(key, value);
        return new RequestContextData(added);
    }

    public RequestContextData? Without(string key)
    {
        if (entries.Length == 1)
        {
            return null;
        }

        var kept = new KeyValuePair<string, object>[entries.Length - 1];
        var j = 0;
        foreach (var entry in entries)
        {
            if (!string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                kept[j++] = entry;
            }
        }

        return new RequestContextData(kept);
    }
}
