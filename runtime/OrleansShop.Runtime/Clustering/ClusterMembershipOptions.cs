namespace OrleansShop.Runtime.Clustering;

/// <summary>
/// Cluster membership settings, bound from <c>OrleansShop:Cluster</c> (environment: <c>OrleansShop__Cluster__...</c>).
/// The defaults detect a crashed silo in about 4 s (three missed 1 s probes, then one table round), well within 10 s.
/// </summary>
public sealed class ClusterMembershipOptions
{
    public const string SectionName = "OrleansShop:Cluster";

    /// <summary>Separates clusters sharing one database; part of every membership row's key.</summary>
    public string ClusterId { get; set; } = "default";

    /// <summary>
    /// <see cref="ClusterMode.Client"/> makes this process a cluster client: it reads the table every
    /// <see cref="TableRefreshInterval"/>, never writes it, and the silo settings (port, probes, lease) do not apply.
    /// </summary>
    public ClusterMode Mode { get; set; } = ClusterMode.Silo;

    /// <summary>The address this silo listens on for other silos.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>The host name other silos use to reach this one (written to the table).</summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>The silo-to-silo port; 0 picks a free one (tests, several silos on one machine).</summary>
    public int SiloPort { get; set; } = 11111;

    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a probe may take before it counts as missed.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes in a row after which this silo votes the peer dead.</summary>
    public int NumMissedProbesLimit { get; set; } = 3;

    /// <summary>How many peers each silo probes (its successors on a ring of silos).</summary>
    public int NumProbedSilos { get; set; } = 10;

    /// <summary>Fresh votes that declare a silo dead (fewer when fewer other silos are active).</summary>
    public int NumVotesForDeathDeclaration { get; set; } = 2;

    /// <summary>How long a vote counts.</summary>
    public TimeSpan DeathVoteExpiration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the table is read (new silos, deaths, this silo's own status) and votes are cast.</summary>
    public TimeSpan TableRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often this silo writes its heartbeat; each successful write renews its lease.</summary>
    public TimeSpan IAmAliveInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long this silo serves without a successful heartbeat write: past it, the silo assumes the others may have
    /// declared it dead and stops serving rather than risk stale state.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After this silo stops serving (declared dead, or lease lost) it stops its host; if the host has not stopped
    /// within <see cref="FailureExitGrace"/>, the process exits with code 1 (as Orleans kills a silo declared dead).
    /// Off for hosts that must survive their silo, e.g. tests hosting silos in the test process.
    /// </summary>
    public bool ExitProcessOnFailure { get; set; } = true;

    public TimeSpan FailureExitGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts of one join or leave step against concurrent writers before giving up.</summary>
    public int MaxConflictRetries { get; set; } = 20;

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(ClusterId), "ClusterId must not be empty.");
        Require(Enum.IsDefined(Mode), "Mode must be Silo or Client.");
        Require(!string.IsNullOrWhiteSpace(AdvertisedHost) && !AdvertisedHost.Contains('@', StringComparison.Ordinal), "AdvertisedHost must be a host name or address.");
        Require(System.Net.IPAddress.TryParse(ListenAddress, out _), "ListenAddress must be an IP address.");
        Require(SiloPort is >= 0 and <= 65535, "SiloPort must be 0..65535.");
        Require(ProbeInterval > TimeSpan.Zero && ProbeTimeout > TimeSpan.Zero, "ProbeInterval and ProbeTimeout must be positive.");
        Require(NumMissedProbesLimit > 0 && NumProbedSilos > 0 && NumVotesForDeathDeclaration > 0, "NumMissedProbesLimit, NumProbedSilos and NumVotesForDeathDeclaration must be positive.");
        Require(DeathVoteExpiration > TimeSpan.Zero && TableRefreshInterval > TimeSpan.Zero, "DeathVoteExpiration and TableRefreshInterval must be positive.");
        Require(IAmAliveInterval > TimeSpan.Zero && LeaseDuration > IAmAliveInterval, "LeaseDuration must be longer than IAmAliveInterval.");
        Require(MaxConflictRetries > 0, "MaxConflictRetries must be positive.");
        Require(FailureExitGrace > TimeSpan.Zero, "FailureExitGrace must be positive.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("ClusterMembershipOptions." + message);
        }
    }
}
