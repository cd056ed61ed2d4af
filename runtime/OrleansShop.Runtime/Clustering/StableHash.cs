namespace OrleansShop.Runtime.Clustering;

/// <summary>
/// A hash that is the same in every process and every run (string.GetHashCode is randomized per process), so that
/// all silos agree on positions on the ring: 32-bit FNV-1a over the UTF-16 code units, then a finalizing mix so that
/// similar keys spread over the whole ring. Allocation-free: it runs on every call routed in a cluster.
/// </summary>
internal static class StableHash
{
    public static uint Of(string text) => Of(text, 2166136261u);

    /// <summary>Hashes <paramref name="second"/> after <paramref name="first"/> (a grain type and its key) without concatenating them.</summary>
    public static uint Of(string first, string second) => Mix(Continue(Continue(2166136261u, first) ^ 0x1F, second));

    private static uint Of(string text, uint seed) => Mix(Continue(seed, text));

    private static uint Continue(uint hash, string text)
    {
        foreach (var c in text)
        {
            hash = unchecked((hash ^ (uint)(c & 0xFF)) * 16777619u);
            hash = unchecked((hash ^ (uint)(c >> 8)) * 16777619u);
        }

        return hash;
    }

    // The murmur3 finalizer: FNV alone leaves nearby strings ("key-1", "key-2") close together on the ring.
    private static uint Mix(uint hash)
    {
        hash ^= hash >> 16;
        hash = unchecked(hash * 0x85EBCA6Bu);
        hash ^= hash >> 13;
        hash = unchecked(hash * 0xC2B2AE35u);
        hash ^= hash >> 16;
        return hash;
    }
}
