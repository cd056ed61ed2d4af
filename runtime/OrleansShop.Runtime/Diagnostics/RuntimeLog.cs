using Microsoft.Extensions.Logging;

namespace OrleansShop.Runtime.Diagnostics;

internal static partial class RuntimeLog
{
    [LoggerMessage(1, LogLevel.Error, "Unhandled exception in a turn of {GrainId}")]
    public static partial void TurnFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(2, LogLevel.Warning, "Activation of {GrainId} failed")]
    public static partial void ActivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(3, LogLevel.Warning, "OnDeactivateAsync of {GrainId} failed")]
    public static partial void DeactivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(4, LogLevel.Warning, "Timer callback of {GrainId} failed")]
    public static partial void TimerFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(5, LogLevel.Warning, "One-way call {Method} to {GrainId} failed")]
    public static partial void OneWayFailed(ILogger logger, Exception exception, string method, GrainId grainId);

    [LoggerMessage(6, LogLevel.Warning, "Reminder {ReminderName} of {GrainId} failed")]
    public static partial void ReminderFailed(ILogger logger, Exception exception, string reminderName, GrainId grainId);

    [LoggerMessage(7, LogLevel.Warning, "Reading the reminder table failed")]
    public static partial void ReminderTableReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "Deactivating {GrainId}: {Reason}")]
    public static partial void Deactivating(ILogger logger, GrainId grainId, DeactivationReason reason);

    [LoggerMessage(9, LogLevel.Error, "Maintenance {Sweep} failed; it runs again at its next interval")]
    public static partial void MaintenanceFailed(ILogger logger, Exception exception, string sweep);
}
