namespace OrleansShop.Silo.Hosting;

/// <summary>What a process is in its cluster (<c>OrleansShop:Cluster:Mode</c>).</summary>
public enum ClusterMode
{
    /// <summary>A silo: it hosts grains (and, in the API, serves GraphQL beside them).</summary>
    Silo,

    /// <summary>An Orleans cluster client (an API tier running apart): it hosts no grains and calls the silos.</summary>
    Client,
}
