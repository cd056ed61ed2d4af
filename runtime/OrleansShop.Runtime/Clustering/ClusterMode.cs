namespace OrleansShop.Runtime.Clustering;

/// <summary>What a process is in its cluster (<c>OrleansShop:Cluster:Mode</c>).</summary>
public enum ClusterMode
{
    /// <summary>A member: it has a row in the membership table, hosts grains, probes and is probed.</summary>
    Silo,

    /// <summary>
    /// A cluster client (e.g. an API tier running apart): it only reads the membership table and sends every grain
    /// call to the silo owning the grain; it hosts no activations but stateless workers, and listens on no port.
    /// </summary>
    Client,
}
