namespace OrleansShop.Runtime.Placement;

/// <summary>
/// Where the activations of grains placed by a strategy other than hash placement live, shared by every silo of the
/// cluster (after Orleans' IGrainDirectory). One entry per grain id: that is what keeps one activation cluster-wide.
/// </summary>
public interface IGrainDirectory
{
    /// <summary>
    /// Adds <paramref name="address"/> unless the grain already has an entry, and returns the entry that holds
    /// afterwards: <paramref name="address"/> itself, or the one that was there first.
    /// </summary>
    Task<GrainAddress> RegisterAsync(GrainAddress address, CancellationToken cancellationToken);

    /// <summary>The grain's entry, or null when it has none.</summary>
    Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the grain's entry only if it is exactly <paramref name="address"/> (same silo incarnation and
    /// activation), so a newer entry written meanwhile survives. Returns whether it removed it.
    /// </summary>
    Task<bool> UnregisterAsync(GrainAddress address, CancellationToken cancellationToken);
}
