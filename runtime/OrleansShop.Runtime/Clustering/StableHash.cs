using System.Text;

namespace OrleansShop.Runtime.Clustering;

/// <summary>
/// A hash that is the same in every process and every run (string.GetHashCode is randomized per process), so that
/// all silos order the ring alike: 32-bit FNV-1a over UTF-8.
/// </summary>
internal static class StableHash
{
    public static int Of(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return unchecked((int)hash);
    }
}
