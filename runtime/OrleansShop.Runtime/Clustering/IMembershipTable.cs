namespace OrleansShop.Runtime.Clustering;

/// <summary>
/// The shared membership table of one cluster (Orleans' IMembershipTable): rows plus a version. Inserts and updates
/// are compare-and-swap on the version: they apply, and bump it, only if it is still the version the caller read;
/// otherwise they change nothing and return false, and the caller re-reads and decides again.
/// </summary>
public interface IMembershipTable
{
    /// <summary>Creates the schema and the cluster's version row if missing.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="entry"/> if the table is still at <paramref name="expectedVersion"/>.</summary>
    Task<bool> InsertRowAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Replaces the status and votes of <paramref name="entry"/>'s row if the table is still at <paramref name="expectedVersion"/>.</summary>
    Task<bool> UpdateRowAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Writes the silo's heartbeat time; unconditional, and leaves the version alone (it is diagnostic and the lease).</summary>
    Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset time, CancellationToken cancellationToken);
}
