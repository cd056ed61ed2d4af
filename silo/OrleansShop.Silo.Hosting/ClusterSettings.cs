namespace OrleansShop.Silo.Hosting;

/// <summary>
/// How a host joins its cluster, bound from <c>OrleansShop:Cluster</c> (<c>OrleansShop__Cluster__SiloPort=11112</c>).
/// Orleans' own options are bound beside these where an operator tunes them: <c>OrleansShop:Cluster:Membership</c>
/// (<see cref="Orleans.Configuration.ClusterMembershipOptions"/>) and <c>OrleansShop:Cluster:GrainCollection</c>
/// (<see cref="Orleans.Configuration.GrainCollectionOptions"/>); in client mode <c>OrleansShop:Cluster:Messaging</c>
/// (<see cref="Orleans.Configuration.ClientMessagingOptions"/>).
/// </summary>
public sealed class ClusterSettings
{
    public const string Section = ShopOptions.Section + ":Cluster";

    /// <summary>
    /// False (the embedded default): one silo alone on localhost clustering. True: a member of the cluster whose
    /// membership table <see cref="Provider"/> names.
    /// </summary>
    public bool Enabled { get; set; }

    public ClusterMode Mode { get; set; } = ClusterMode.Silo;

    /// <summary>Where the membership table of a cluster (<see cref="Enabled"/>, or client mode) lives.</summary>
    public ClusterProvider Provider { get; set; } = ClusterProvider.AdoNet;

    /// <summary>The membership table when <see cref="Provider"/> is <see cref="ClusterProvider.AzureStorage"/>.</summary>
    public AzureTableClusteringSettings AzureStorage { get; set; } = new();

    /// <summary>Separates clusters sharing one database (Orleans' ClusterOptions.ClusterId).</summary>
    public string ClusterId { get; set; } = "orleansshop";

    /// <summary>Names the application's durable data across deployments (Orleans' ClusterOptions.ServiceId); keep it forever.</summary>
    public string ServiceId { get; set; } = "orleansshop";

    /// <summary>The silo-to-silo port; 0 picks a free one (tests, several silos on one machine).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port cluster clients connect to; 0 picks a free one.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo on (written to the membership table).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}
