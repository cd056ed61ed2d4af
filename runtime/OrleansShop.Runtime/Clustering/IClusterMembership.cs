namespace OrleansShop.Runtime.Clustering;

/// <summary>This silo's (or cluster client's) view of the cluster, as of its last read of the membership table.</summary>
public interface IClusterMembership
{
    /// <summary>This silo's identity; default until it has joined. A cluster client's has port 0 and is in no table.</summary>
    SiloAddress LocalSilo { get; }

    /// <summary>The table as last read; empty before the silo joins.</summary>
    MembershipTableData Current { get; }

    /// <summary>The silos currently Active, this one included once it is.</summary>
    IReadOnlyList<SiloAddress> ActiveSilos { get; }

    /// <summary>The silo a call to <paramref name="grainId"/> goes to (hash placement over the active silos); null before joining.</summary>
    SiloAddress? OwnerOf(GrainId grainId);
}
