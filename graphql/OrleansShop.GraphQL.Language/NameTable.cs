namespace OrleansShop.GraphQL.Language;

/// <summary>
/// Interns names per thread so that repeated documents (the common case: the same operations
/// over and over) allocate no strings for names, and equal names share one string.
/// Bounded: once full it stops adding, so hostile documents with endless distinct names cannot
/// grow it; those names are then simply allocated.
/// </summary>
internal sealed class NameTable
{
    private const int Capacity = 4096; // power of two
    private const int MaxCount = Capacity * 3 / 4;

    [ThreadStatic]
    private static NameTable? t_current;

    private readonly string?[] _names = new string?[Capacity];
    private readonly int[] _hashes = new int[Capacity];
    private int _count;

    public static NameTable Current => t_current ??= new NameTable();

    /// <summary>The string for an ASCII name given as UTF-8 bytes.</summary>
    public string GetOrAdd(ReadOnlySpan<byte> name)
    {
        if (_count >= MaxCount)
        {
            // Full after many distinct names on this thread: start over, so the names of the documents parsed from now on
            // are shared again (a full table interned nothing new) and memory stays bounded.
            Array.Clear(_names);
            Array.Clear(_hashes);
            _count = 0;
        }

        int hash = Hash(name);
        int mask = Capacity - 1;
        for (int index = hash & mask; ; index = (index + 1) & mask)
        {
            string? candidate = _names[index];
            if (candidate is null)
            {
                string created = Create(name);
                _names[index] = created;
                _hashes[index] = hash;
                _count++;
                return created;
            }

            if (_hashes[index] == hash && Matches(candidate, name))
            {
                return candidate;
            }
        }
    }

    private static int Hash(ReadOnlySpan<byte> name)
    {
        uint hash = 2166136261;
        foreach (byte b in name)
        {
            hash = (hash ^ b) * 16777619;
        }

        return (int)hash;
    }

    private static bool Matches(string candidate, ReadOnlySpan<byte> name)
    {
        if (candidate.Length != name.Length)
        {
            return false;
        }

        for (int i = 0; i < name.Length; i++)
        {
            if (candidate[i] != name[i])
            {
                return false;
            }
        }

        return true;
    }

    // Names are ASCII by the grammar (spec 2.1.9), so each byte is one char.
    private static string Create(ReadOnlySpan<byte> name) =>
        string.Create(name.Length, name, static (chars, bytes) =>
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[i] = (char)bytes[i];
            }
        });
}
