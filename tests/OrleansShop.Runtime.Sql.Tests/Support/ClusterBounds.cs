namespace OrleansShop.Runtime.Sql.Tests.Support;

/// <summary>
/// How long the process tests give a cluster: generous for a busy CI machine (two cores, other builds beside), while
/// the defaults detect a crash in about 4 s.
/// </summary>
public static class ClusterBounds
{
    /// <summary>From a silo's crash, freeze or partition to its being declared dead and its grains serving elsewhere.</summary>
    public static readonly TimeSpan Detection = TimeSpan.FromSeconds(20);

    /// <summary>For a silo process to stop, once asked to or once it learnt it must.</summary>
    public static readonly TimeSpan Exit = TimeSpan.FromSeconds(30);
}
