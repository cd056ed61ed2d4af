using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansShop.Runtime.Sql.Diagnostics;
using OrleansShop.Runtime.Sql.Execution;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Runtime.Sql;

/// <summary>
/// Grain storage in a SQL database (Orleans' ADO.NET grain storage design): one row per grain id, state name and
/// service id, its version as the ETag, its state as JSON text. Writes and clears are conditional on the ETag:
/// a stale one throws <see cref="InconsistentStateException"/> and changes nothing.
/// </summary>
public sealed class SqlGrainStorage : IGrainStorage, IAsyncDisposable
{
    private readonly SqlStorageOptions _options;
    private readonly SqlBackend _backend;
    private readonly GrainStateCommands _commands;
    private readonly StateSerializer _serializer;
    private readonly SchemaGate _schema;
    private readonly ILogger _logger;
    private readonly string _dialect;
    private int _disposed;

    private SqlGrainStorage(string name, SqlStorageOptions options, SqlBackend backend, ILoggerFactory? loggerFactory, IReadOnlyList<JsonConverter> converters)
    {
        Name = name;
        _options = options;
        _backend = backend;
        _dialect = backend.Dialect.Name;
        _commands = new GrainStateCommands(backend.Dialect);
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SqlGrainStorage>();
        _serializer = new StateSerializer(name, options.JsonSerializerOptions, converters, options.AllowReflectionFallback, _logger);
        _schema = new SchemaGate(backend.Migrator, options.MigrateSchemaOnStartup);
    }

    /// <summary>The provider's registered name (the <c>storageName</c> of <c>[PersistentState]</c>); tags its metrics.</summary>
    public string Name { get; }

    /// <summary>Opens (or shares) the SQLite database file named by the options; the options are validated first.</summary>
    public static SqlGrainStorage CreateSqlite(string name, SqliteStorageOptions options, ILoggerFactory? loggerFactory = null) =>
        CreateSqlite(name, options, loggerFactory, []);

    public static SqlGrainStorage CreatePostgres(string name, PostgresStorageOptions options, ILoggerFactory? loggerFactory = null) =>
        CreatePostgres(name, options, loggerFactory, []);

    /// <summary>SQL Server: not verified against a server.</summary>
    public static SqlGrainStorage CreateSqlServer(string name, SqlServerStorageOptions options, ILoggerFactory? loggerFactory = null) =>
        CreateSqlServer(name, options, loggerFactory, []);

    /// <summary>As the public overload, with converters the silo adds to the state JSON (grain references).</summary>
    internal static SqlGrainStorage CreateSqlite(string name, SqliteStorageOptions options, ILoggerFactory? loggerFactory, IReadOnlyList<JsonConverter> converters) =>
        Create(name, options, () => SqlBackend.Sqlite(options, loggerFactory), loggerFactory, converters);

    internal static SqlGrainStorage CreatePostgres(string name, PostgresStorageOptions options, ILoggerFactory? loggerFactory, IReadOnlyList<JsonConverter> converters) =>
        Create(name, options, () => SqlBackend.Postgres(options, loggerFactory), loggerFactory, converters);

    internal static SqlGrainStorage CreateSqlServer(string name, SqlServerStorageOptions options, ILoggerFactory? loggerFactory, IReadOnlyList<JsonConverter> converters) =>
        Create(name, options, () => SqlBackend.SqlServer(options, loggerFactory), loggerFactory, converters);

    /// <summary>Applies missing schema scripts now rather than on the first operation (when the options ask for migration).</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _schema.EnsureAsync(cancellationToken);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = CreateKey(stateName, grainId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            var stored = await _backend.Executor.ReadAsync(
                static (commands, read, ct) => read.Commands.ReadAsync(commands, read.Key, ct), (Commands: _commands, Key: key), cancellationToken).ConfigureAwait(false);
            if (stored is { HasPayload: true } row)
            {
                grainState.State = Deserialize<T>(row, stateName, grainId);
                grainState.ETag = FormatVersion(row.Version);
                grainState.RecordExists = true;
            }
            else
            {
                // No row, or a cleared one: the caller's default state stays. A cleared row keeps its version as
                // the ETag so the next write is still conditional on it.
                grainState.ETag = stored is null ? null : FormatVersion(stored.Value.Version);
                grainState.RecordExists = false;
            }

            StorageMetrics.RecordOperation(Name, _dialect, "read", started);
        }
        catch (Exception ex)
        {
            StorageMetrics.RecordFailure(Name, _dialect, "read", FailureReason(ex), started);
            throw;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = CreateKey(stateName, grainId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var payload = _serializer.Serialize(grainState.State);
            CheckSize(payload, stateName, grainId);
            var expected = ParseETag(grainState.ETag, "write", stateName, grainId);
            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            var result = await _backend.Executor.WriteAsync(
                (commands, ct) => _commands.WriteAsync(commands, key, payload, expected, ct), cancellationToken).ConfigureAwait(false);
            ThrowIfConflict(result, "write", stateName, grainId, grainState.ETag);
            grainState.ETag = FormatVersion(result.Version!.Value);
            grainState.RecordExists = true;
            StorageMetrics.RecordOperation(Name, _dialect, "write", started);
        }
        catch (Exception ex)
        {
            StorageMetrics.RecordFailure(Name, _dialect, "write", FailureReason(ex), started);
            throw;
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = CreateKey(stateName, grainId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var expected = ParseETag(grainState.ETag, "clear", stateName, grainId);
            await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
            var deleteRow = _options.DeleteStateOnClear;
            var result = await _backend.Executor.WriteAsync(
                (commands, ct) => _commands.ClearAsync(commands, key, expected, deleteRow, ct), cancellationToken).ConfigureAwait(false);
            ThrowIfConflict(result, "clear", stateName, grainId, grainState.ETag);
            grainState.ETag = result.Version is { } version ? FormatVersion(version) : null;
            grainState.RecordExists = false;
            StorageMetrics.RecordOperation(Name, _dialect, "clear", started);
        }
        catch (Exception ex)
        {
            StorageMetrics.RecordFailure(Name, _dialect, "clear", FailureReason(ex), started);
            throw;
        }
    }

    /// <summary>Completes queued writes, then releases the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _backend.Executor.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);

    internal static string FailureReason(Exception exception) => exception switch
    {
        InconsistentStateException => "conflict",
        GrainStateTooLargeException => "too_large",
        OperationCanceledException => "cancelled",
        _ => "error",
    };

    private static SqlGrainStorage Create(
        string name, SqlStorageOptions options, Func<SqlBackend> backend, ILoggerFactory? loggerFactory, IReadOnlyList<JsonConverter> converters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new SqlGrainStorage(name, options, backend(), loggerFactory, converters);
    }

    private StateKey CreateKey(string stateName, GrainId grainId)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return StateKey.Create(_options.ServiceId, grainId, stateName);
    }

    private void CheckSize(string payload, string stateName, GrainId grainId)
    {
        // Cheap bound first: UTF-8 never needs more than 3 bytes per UTF-16 char.
        if ((long)payload.Length * 3 <= _options.MaxPayloadBytes)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetByteCount(payload);
        if (bytes > _options.MaxPayloadBytes)
        {
            throw new GrainStateTooLargeException(
                $"State '{stateName}' of grain {grainId} serializes to {bytes} bytes, more than storage provider '{Name}' accepts " +
                $"({_options.MaxPayloadBytes} bytes, {nameof(SqlStorageOptions.MaxPayloadBytes)}); nothing was written.",
                bytes,
                _options.MaxPayloadBytes);
        }
    }

    private T Deserialize<T>(StoredState row, string stateName, GrainId grainId)
    {
        try
        {
            return row.Utf8Payload is { } utf8 ? _serializer.Deserialize<T>(utf8) : _serializer.Deserialize<T>(row.Payload!);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InvalidOperationException(
                $"State '{stateName}' of grain {grainId} in storage provider '{Name}' cannot be read as {typeof(T)}: {ex.Message}", ex);
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
            $"Cannot {operation} state '{stateName}' of grain {grainId}: ETag '{eTag}' was not issued by storage provider '{Name}'.", null, eTag);
    }

    private void ThrowIfConflict(ConditionalWriteResult result, string operation, string stateName, GrainId grainId, string? heldETag)
    {
        if (result.Succeeded)
        {
            return;
        }

        var stored = result.Version is { } version ? FormatVersion(version) : null;
        StorageLog.Conflict(_logger, Name, operation, stateName, grainId, heldETag, stored);
        throw new InconsistentStateException(
            $"Version conflict on {operation} of state '{stateName}' for grain {grainId} in storage provider '{Name}': " +
            $"the activation held {(heldETag is null ? "no ETag (expected no row)" : "ETag " + heldETag)}, " +
            $"storage has {(stored is null ? "no row" : "ETag " + stored)}. Nothing was written.",
            stored,
            heldETag);
    }
}
