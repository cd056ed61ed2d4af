using Microsoft.Extensions.Logging;
using OrleansShop.Runtime.Placement;

namespace OrleansShop.Runtime.Diagnostics;

internal static partial class PlacementLog
{
    [LoggerMessage(601, LogLevel.Warning, "Removing the grain directory entry {Address} failed; a later activation of the grain replaces it")]
    public static partial void UnregisterFailed(ILogger logger, Exception exception, GrainAddress address);

    [LoggerMessage(602, LogLevel.Information, "Grain directory entry {Address} names a dead silo or a gone activation: removed")]
    public static partial void StaleEntryRemoved(ILogger logger, GrainAddress address);
}
