using Microsoft.Extensions.Logging;
using OrleansShop.Runtime.Clustering;

namespace OrleansShop.Runtime.Diagnostics;

internal static partial class MembershipLog
{
    [LoggerMessage(201, LogLevel.Information, "Silo {Silo} is {Status} in cluster {ClusterId}")]
    public static partial void StatusWritten(ILogger logger, SiloAddress silo, SiloStatus status, string clusterId);

    [LoggerMessage(202, LogLevel.Warning, "Silo {Silo} voted {Suspect} dead ({Votes} of {Required} votes)")]
    public static partial void Voted(ILogger logger, SiloAddress silo, SiloAddress suspect, int votes, int required);

    [LoggerMessage(203, LogLevel.Warning, "Silo {Suspect} is declared dead by {Silo}")]
    public static partial void DeclaredDead(ILogger logger, SiloAddress suspect, SiloAddress silo);

    [LoggerMessage(204, LogLevel.Warning, "A membership table round failed; it runs again at its next interval")]
    public static partial void TableRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(205, LogLevel.Critical, "Silo {Silo} stops serving: {Reason}")]
    public static partial void Fatal(ILogger logger, SiloAddress silo, string reason);

    [LoggerMessage(206, LogLevel.Warning, "Leaving the cluster as {Status} failed; the other silos will detect this silo's absence instead")]
    public static partial void LeaveFailed(ILogger logger, Exception exception, SiloStatus status);

    [LoggerMessage(207, LogLevel.Information, "Cluster client {Client} reads cluster {ClusterId}: {ActiveSilos} active silos")]
    public static partial void ClientConnected(ILogger logger, SiloAddress client, string clusterId, int activeSilos);

    [LoggerMessage(208, LogLevel.Information, "Silo {Silo} deactivates {Count} activation(s) of grains other silos own now")]
    public static partial void DeactivatingMisplaced(ILogger logger, SiloAddress silo, int count);

    [LoggerMessage(209, LogLevel.Warning, "Silo {Silo} skips a probe round: its own thread pool is too slow to time its peers' answers")]
    public static partial void ProbesSkipped(ILogger logger, SiloAddress silo);
}
