using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace OrleansShop.Providers.AdoNet;

/// <summary>
/// Migrates the database in the silo's first lifecycle stage. Orleans' ADO.NET providers read their statements
/// from OrleansQuery when their own stages start (membership and reminders at RuntimeGrainServices, grain storage
/// at ApplicationServices by default), so the schema is complete before any of them looks. A failure stops the
/// silo's start, as a missing schema would a few stages later.
/// </summary>
internal sealed partial class AdoNetSchemaMigrationLifecycleParticipant(
    AdoNetSchemaMigrationOptions options,
    ILogger<AdoNetSchemaMigrationLifecycleParticipant> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(AdoNetSchemaMigrationLifecycleParticipant), ServiceLifecycleStage.First, MigrateAsync);

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var migrator = AdoNetSchemaMigrator.For(options.Dialect, options.ConnectionString!);
        var result = await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        LogMigrated(options.Dialect, result.CurrentVersion, result.AppliedVersions.Count == 0 ? "none" : string.Join(", ", result.AppliedVersions),
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "ADO.NET schema ({Dialect}) at version {Version}; scripts applied by this silo: {Applied} ({ElapsedMs} ms)")]
    private partial void LogMigrated(AdoNetDialect dialect, int version, string applied, long elapsedMs);
}
