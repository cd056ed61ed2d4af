using System.Collections.Concurrent;

namespace OrleansShop.Runtime.Placement;

/// <summary>
/// This silo's memory of grain directory lookups, so that a call to a directory-placed grain usually reads no
/// database. An entry leaves when its silo is found dead, when the activation it names refuses a call, or when the
/// activation it names deactivates here.
/// </summary>
internal sealed class GrainLocationCache
{
    private readonly ConcurrentDictionary<GrainId, GrainAddress> _entries = new();
    private readonly int _capacity;
    private long _puts;

    public GrainLocationCache(int capacity) => _capacity = capacity;

    public int Count => _entries.Count;

    public bool TryGet(GrainId grainId, out GrainAddress address) => _entries.TryGetValue(grainId, out address!);

    public void Put(GrainAddress address)
    {
        // A crude bound: forgetting everything costs only lookups, and keeps a silo that calls many grains once small.
        // Counting takes every lock of the dictionary, so it is done once per 1,024 additions, not on each.
        if ((Interlocked.Increment(ref _puts) & 1023) == 0 && _entries.Count >= _capacity)
        {
            _entries.Clear();
        }

        _entries[address.GrainId] = address;
    }

    /// <summary>Forgets <paramref name="address"/> only if it is still the cached entry (not a newer one).</summary>
    public void Invalidate(GrainAddress address) => _entries.TryRemove(new KeyValuePair<GrainId, GrainAddress>(address.GrainId, address));

    public void Invalidate(GrainId grainId) => _entries.TryRemove(grainId, out _);
}
