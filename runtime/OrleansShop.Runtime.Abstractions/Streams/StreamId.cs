namespace OrleansShop.Runtime.Streams;

/// <summary>
/// Names one stream: a namespace (what kind of events, e.g. "orders") and a key within it (e.g. the order id), as
/// Orleans' <c>StreamId.Create(namespace, key)</c>. Streams are virtual: every id exists, none has to be created.
/// </summary>
public readonly record struct StreamId
{
    private StreamId(string @namespace, string key)
    {
        Namespace = @namespace;
        Key = key;
    }

    public string Namespace { get; }

    public string Key { get; }

    public static StreamId Create(string @namespace, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(key);
        return new StreamId(@namespace, key);
    }

    public static StreamId Create(string @namespace, Guid key) => Create(@namespace, key.ToString("N"));

    public override string ToString() => Namespace + "/" + Key;
}
