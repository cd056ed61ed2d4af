using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

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

    /// <summary>
    /// The address other silos and clients reach this silo on (written to the membership table): an IP address, or
    /// <c>auto</c> for this host's own (its first IPv4 address that is up and not loopback), where each replica of one
    /// deployment has an address no template can know (a container).
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    public const string AutomaticAddress = "auto";

    /// <summary>The address to advertise; throws naming the key when it is neither an IP address nor <c>auto</c>.</summary>
    public IPAddress ResolveAdvertisedAddress() => ResolveAdvertisedAddress(NetworkInterface.GetAllNetworkInterfaces());

    internal IPAddress ResolveAdvertisedAddress(IEnumerable<NetworkInterface> interfaces)
    {
        if (string.Equals(AdvertisedAddress, AutomaticAddress, StringComparison.OrdinalIgnoreCase))
        {
            return interfaces
                .Where(i => i.OperationalStatus == OperationalStatus.Up && i.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(i => i.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                ?? throw new InvalidOperationException(
                    $"{Section}:AdvertisedAddress is '{AutomaticAddress}', but this host has no IPv4 address besides loopback: set the address itself.");
        }

        return IPAddress.TryParse(AdvertisedAddress, out var address)
            ? address
            : throw new InvalidOperationException(
                $"{Section}:AdvertisedAddress '{AdvertisedAddress}' is neither an IP address nor '{AutomaticAddress}' (this host's own address).");
    }
}
