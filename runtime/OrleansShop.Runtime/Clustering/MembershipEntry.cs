namespace OrleansShop.Runtime.Clustering;

/// <summary>One row of the membership table: a silo incarnation, its status and the votes against it.</summary>
public sealed record MembershipEntry(
    SiloAddress Silo,
    string SiloName,
    string HostName,
    SiloStatus Status,
    IReadOnlyList<SuspectVote> SuspectVotes,
    DateTimeOffset StartTime,
    DateTimeOffset IAmAliveTime);
