using System.Collections.Concurrent;

namespace OrleansShop.Providers.AdoNet.Tests.Grains;

/// <summary>A silo singleton where the stream probes record each item they are handed, per stream key, in order.</summary>
public sealed class StreamDeliveries
{
    public const string Namespace = "probe";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _items = new(StringComparer.Ordinal);

    public void Record(string streamKey, int item) => _items.GetOrAdd(streamKey, _ => new()).Enqueue(item);

    public IReadOnlyList<int> Of(string streamKey) => _items.TryGetValue(streamKey, out var items) ? [.. items] : [];
}
