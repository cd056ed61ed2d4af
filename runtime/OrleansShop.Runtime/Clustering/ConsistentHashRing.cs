namespace OrleansShop.Runtime.Clustering;

/// <summary>
/// Which silo owns a grain id: the first virtual node at or after the id's hash on a ring of the active silos, each
/// silo placed at <see cref="VirtualNodes"/> points. Every silo with the same active set computes the same owner, so
/// a call goes straight to it; a silo joining or leaving moves only the ids between its points and their neighbours.
/// </summary>
internal sealed class ConsistentHashRing
{
    public const int VirtualNodes = 64;

    private readonly uint[] _positions;
    private readonly SiloAddress[] _owners;

    public ConsistentHashRing(IReadOnlyCollection<SiloAddress> silos)
    {
        Silos = [.. silos];
        var points = new List<(uint Position, SiloAddress Silo)>(silos.Count * VirtualNodes);
        foreach (var silo in silos)
        {
            var name = silo.ToString();
            for (var i = 0; i < VirtualNodes; i++)
            {
                points.Add((StableHash.Of(name, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), silo));
            }
        }

        // Ties (vanishingly rare) break by address so every silo sorts alike.
        points.Sort((a, b) => a.Position != b.Position ? a.Position.CompareTo(b.Position) : string.CompareOrdinal(a.Silo.ToString(), b.Silo.ToString()));
        _positions = [.. points.Select(p => p.Position)];
        _owners = [.. points.Select(p => p.Silo)];
    }

    public IReadOnlyList<SiloAddress> Silos { get; }

    public bool IsEmpty => _positions.Length == 0;

    public SiloAddress OwnerOf(GrainId grainId)
    {
        if (_positions.Length == 0)
        {
            throw new InvalidOperationException("No silo is active in the cluster.");
        }

        var hash = StableHash.Of(grainId.Type, grainId.Key);
        var index = Array.BinarySearch(_positions, hash);
        if (index < 0)
        {
            index = ~index;
        }

        return _owners[index == _positions.Length ? 0 : index];
    }
}
