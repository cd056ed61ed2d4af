namespace OrleansShop.Runtime.Clustering;

/// <summary>
/// The membership table as read in one statement: its rows and the table version they were read at. Every change
/// is written only if the version is still <see cref="Version"/>, and bumps it.
/// </summary>
public sealed record MembershipTableData(IReadOnlyList<MembershipEntry> Entries, long Version)
{
    public MembershipEntry? Find(SiloAddress silo) => Entries.FirstOrDefault(e => e.Silo == silo);
}
