using Microsoft.Extensions.Logging;

namespace OrleansShop.Runtime.Sql.Diagnostics;

internal static partial class StorageLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Storage provider '{Provider}' serializes {StateType} by reflection: no JsonSerializerContext in its JsonSerializerOptions knows the type")]
    public static partial void ReflectionFallback(ILogger logger, string provider, Type stateType);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Applied {Dialect} schema versions {Versions} (now at version {Version})")]
    public static partial void SchemaMigrated(ILogger logger, string dialect, string versions, int version);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug,
        Message = "Storage provider '{Provider}': {Operation} of state '{StateName}' for grain {GrainId} conflicted (held ETag {HeldEtag}, stored {StoredEtag})")]
    public static partial void Conflict(ILogger logger, string provider, string operation, string stateName, GrainId grainId, string? heldEtag, string? storedEtag);
}
