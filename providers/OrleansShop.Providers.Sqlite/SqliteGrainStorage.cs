using System.Globalization;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using OrleansShop.Providers.Sqlite.Database;

namespace OrleansShop.Providers.Sqlite;

/// <summary>
/// Orleans grain storage in an embedded SQLite file: one row per service, grain and state name, its version as the
/// ETag. Writes are conditional on the ETag the activation holds (a stale or missing one throws
/// <see cref="InconsistentStateException"/> and changes nothing) and go through the file's single writer
/// connection, which commits all waiting writes as one transaction; a write's task completes once it is committed.
/// </summary>
public sealed partial class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private readonly string _name;
    private readonly string _serviceId;
    private readonly SqliteGrainStorageOptions _options;
    private readonly IActivatorProvider _activators;
    private readonly ILogger<SqliteGrainStorage> _logger;
    private readonly SqliteDatabaseLease _lease;

    public SqliteGrainStorage(string name, string serviceId, SqliteGrainStorageOptions options, IActivatorProvider activators, ILogger<SqliteGrainStorage> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentNullException.ThrowIfNull(options);
        new SqliteGrainStorageOptionsValidator(options, name).ValidateConfiguration();
        _name = name;
        _serviceId = serviceId;
        _options = options;
        _activators = activators;
        _logger = logger;
        _lease = new SqliteDatabaseLease(options.DatabasePath!, options.Synchronous, database => LogOpened(logger, name, database.DatabasePath, serviceId));
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(OptionFormattingUtilities.Name<SqliteGrainStorage>(_name), _options.InitStage, _ => { Open(); return Task.CompletedTask; }, _ => DisposeAsync().AsTask());

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = CreateKey(stateName, grainId);
        var stored = await Open().ReadAsync(static (commands, key) => GrainStateStatements.Read(commands, key), key, CancellationToken.None).ConfigureAwait(false);
        if (stored is { Payload: { } payload } row)
        {
            grainState.State = Deserialize<T>(payload, stateName, grainId);
            grainState.ETag = FormatVersion(row.Version);
            grainState.RecordExists = true;
            return;
        }

        // No row, or a cleared one: the state starts fresh. A cleared row keeps its version as the ETag so that
        // the next write is still conditional on it.
        grainState.State = _activators.GetActivator<T>().Create();
        grainState.ETag = stored is { } cleared ? FormatVersion(cleared.Version) : null;
        grainState.RecordExists = false;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = CreateKey(stateName, grainId);
        var payload = Serialize(grainState.State, stateName, grainId);
        var expected = ParseETag(grainState.ETag, "write", stateName, grainId);
        var result = await Open().WriteAsync(
            static (commands, write) => GrainStateStatements.Write(commands, write.key, write.payload, write.expected),
            (key, payload, expected),
            CancellationToken.None).ConfigureAwait(false);
        ThrowIfConflict(result, "write", stateName, grainId, grainState.ETag);
        grainState.ETag = FormatVersion(result.Version!.Value);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = CreateKey(stateName, grainId);
        var expected = ParseETag(grainState.ETag, "clear", stateName, grainId);
        var result = await Open().WriteAsync(
            static (commands, clear) => GrainStateStatements.Clear(commands, clear.key, clear.expected, clear.deleteRow),
            (key, expected, deleteRow: _options.DeleteStateOnClear),
            CancellationToken.None).ConfigureAwait(false);
        ThrowIfConflict(result, "clear", stateName, grainId, grainState.ETag);
        grainState.State = _activators.GetActivator<T>().Create();
        grainState.ETag = result.Version is { } version ? FormatVersion(version) : null;
        grainState.RecordExists = false;
    }

    /// <summary>Commits the queued writes, then releases this provider's hold on the file.</summary>
    public ValueTask DisposeAsync() => _lease.DisposeAsync();

    private static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The open database; opened on first use when the silo lifecycle has not opened it yet (tests, tools).</summary>
    private SqliteDatabase Open() => _lease.Database;

    private GrainStateKey CreateKey(string stateName, GrainId grainId)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        return new GrainStateKey(_serviceId, grainId.Type.ToString()!, grainId.ToString(), stateName);
    }

    private byte[] Serialize<T>(T state, string stateName, GrainId grainId)
    {
        var data = _options.GrainStorageSerializer.Serialize(state);
        var length = data.ToMemory().Length;
        if (length > _options.MaxPayloadBytes)
        {
            throw new SqliteGrainStateTooLargeException(
                $"State '{stateName}' of grain {grainId} serializes to {length} bytes, more than SQLite grain storage '{_name}' accepts " +
                $"({_options.MaxPayloadBytes} bytes, {nameof(SqliteGrainStorageOptions.MaxPayloadBytes)}); nothing was written.",
                length,
                _options.MaxPayloadBytes);
        }

        return data.ToArray();
    }

    private T Deserialize<T>(byte[] payload, string stateName, GrainId grainId)
    {
        try
        {
            return _options.GrainStorageSerializer.Deserialize<T>(new BinaryData(payload))!;
        }
        catch (Exception ex)
        {
            throw new OrleansException(
                $"State '{stateName}' of grain {grainId} in SQLite grain storage '{_name}' cannot be read as {typeof(T)}: {ex.Message}", ex);
        }
    }

    private long? ParseETag(string? eTag, string operation, string stateName, GrainId grainId)
    {
        if (eTag is null)
        {
            return null;
        }

        if (long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        throw new InconsistentStateException(
            $"Cannot {operation} state '{stateName}' of grain {grainId}: ETag '{eTag}' was not issued by SQLite grain storage '{_name}'.", null, eTag);
    }

    private void ThrowIfConflict(GrainStateWriteResult result, string operation, string stateName, GrainId grainId, string? heldETag)
    {
        if (result.Succeeded)
        {
            return;
        }

        var stored = result.Version is { } version ? FormatVersion(version) : null;
        LogConflict(_logger, _name, operation, stateName, grainId, heldETag, stored);
        throw new InconsistentStateException(
            $"Version conflict on {operation} of state '{stateName}' for grain {grainId} in SQLite grain storage '{_name}': " +
            $"the activation held {(heldETag is null ? "no ETag (expected no row)" : "ETag " + heldETag)}, " +
            $"storage has {(stored is null ? "no row" : "ETag " + stored)}. Nothing was written.",
            stored,
            heldETag);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite grain storage '{Name}' opened {DatabasePath} for service {ServiceId}")]
    private static partial void LogOpened(ILogger logger, string name, string databasePath, string serviceId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "SQLite grain storage '{Name}': version conflict on {Operation} of state '{StateName}' for grain {GrainId}: held ETag {HeldETag}, stored {StoredETag}")]
    private static partial void LogConflict(ILogger logger, string name, string operation, string stateName, GrainId grainId, string? heldETag, string? storedETag);
}
