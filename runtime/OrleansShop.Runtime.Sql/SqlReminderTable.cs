using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Sql.Diagnostics;
using OrleansShop.Runtime.Sql.Execution;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Runtime.Sql;

/// <summary>
/// Reminder definitions in the same SQL database as grain state. Each row's version is its ETag.
/// <see cref="UpsertRowAsync"/> with an entry whose ETag is null inserts or replaces unconditionally (as Orleans'
/// reminder service registers); with an ETag it replaces only that version and otherwise throws
/// <see cref="InconsistentStateException"/>. <see cref="RemoveRowAsync"/> removes only the given version.
/// Start times are stored to the millisecond in UTC; periods in whole milliseconds.
/// </summary>
public sealed class SqlReminderTable : IReminderTable, IAsyncDisposable
{
    private const string Provider = "reminders";

    private readonly SqlBackend _backend;
    private readonly ReminderCommands _commands;
    private readonly SchemaGate _schema;
    private readonly string _dialect;
    private int _disposed;

    private SqlReminderTable(SqlStorageOptions options, SqlBackend backend)
    {
        _backend = backend;
        _dialect = backend.Dialect.Name;
        _commands = new ReminderCommands(backend.Dialect, options.ServiceId);
        _schema = new SchemaGate(backend.Migrator, options.MigrateSchemaOnStartup);
    }

    public static SqlReminderTable CreateSqlite(SqliteStorageOptions options, ILoggerFactory? loggerFactory = null) =>
        Create(options, () => SqlBackend.Sqlite(options, loggerFactory));

    public static SqlReminderTable CreatePostgres(PostgresStorageOptions options, ILoggerFactory? loggerFactory = null) =>
        Create(options, () => SqlBackend.Postgres(options, loggerFactory));

    /// <summary>SQL Server: not verified against a server.</summary>
    public static SqlReminderTable CreateSqlServer(SqlServerStorageOptions options, ILoggerFactory? loggerFactory = null) =>
        Create(options, () => SqlBackend.SqlServer(options, loggerFactory));

    /// <summary>Applies missing schema scripts now rather than on the first operation (when the options ask for migration).</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _schema.EnsureAsync(cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("reminder_read_all", (commands, ct) => _commands.ReadAllAsync(commands, ct), cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        StateKey.CheckIdentity(grainId);
        return ReadAsync("reminder_read", (commands, ct) => _commands.ReadRowsAsync(commands, grainId, ct), cancellationToken);
    }

    public Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        StateKey.CheckIdentity(grainId);
        StateKey.CheckName(reminderName, nameof(reminderName));
        return ReadAsync("reminder_read", (commands, ct) => _commands.ReadRowAsync(commands, grainId, reminderName, ct), cancellationToken);
    }

    public async Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        StateKey.CheckIdentity(entry.GrainId);
        StateKey.CheckName(entry.ReminderName, nameof(entry));
        if (entry.Period < TimeSpan.Zero)
        {
            throw new ArgumentException($"Reminder '{entry.ReminderName}' of grain {entry.GrainId} has a negative period.", nameof(entry));
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            long? expected = null;
            if (entry.ETag is not null)
            {
                expected = long.TryParse(entry.ETag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                    ? version
                    : throw new InconsistentStateException(
                        $"Reminder '{entry.ReminderName}' of grain {entry.GrainId}: ETag '{entry.ETag}' was not issued by this reminder table.", null, entry.ETag);
            }

            await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            var result = await _backend.Executor.WriteAsync(
                (commands, ct) => _commands.UpsertAsync(commands, entry, expected, ct), cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                var stored = result.Version is { } found ? SqlGrainStorage.FormatVersion(found) : null;
                throw new InconsistentStateException(
                    $"Version conflict updating reminder '{entry.ReminderName}' of grain {entry.GrainId}: held ETag {entry.ETag}, " +
                    $"storage has {(stored is null ? "no row" : "ETag " + stored)}. Nothing was written.",
                    stored,
                    entry.ETag);
            }

            StorageMetrics.RecordOperation(Provider, _dialect, "reminder_upsert", started);
            return SqlGrainStorage.FormatVersion(result.Version!.Value);
        }
        catch (Exception ex)
        {
            StorageMetrics.RecordFailure(Provider, _dialect, "reminder_upsert", SqlGrainStorage.FailureReason(ex), started);
            throw;
        }
    }

    public async Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default)
    {
        StateKey.CheckIdentity(grainId);
        StateKey.CheckName(reminderName, nameof(reminderName));
        ArgumentNullException.ThrowIfNull(eTag);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);

            // An ETag this table never issued matches no row.
            var removed = long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                && await _backend.Executor.WriteAsync(
                    (commands, ct) => _commands.RemoveAsync(commands, grainId, reminderName, version, ct), cancellationToken).ConfigureAwait(false);
            StorageMetrics.RecordOperation(Provider, _dialect, "reminder_remove", started);
            return removed;
        }
        catch (Exception ex)
        {
            StorageMetrics.RecordFailure(Provider, _dialect, "reminder_remove", SqlGrainStorage.FailureReason(ex), started);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _backend.Executor.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static SqlReminderTable Create(SqlStorageOptions options, Func<SqlBackend> backend)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new SqlReminderTable(options, backend());
    }

    private Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return _schema.EnsureAsync(cancellationToken);
    }

    private async Task<TResult> ReadAsync<TResult>(
        string operation, Func<SqlCommandSource, CancellationToken, ValueTask<TResult>> work, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            var result = await _backend.Executor.ReadAsync(work, cancellationToken).ConfigureAwait(false);
            StorageMetrics.RecordOperation(Provider, _dialect, operation, started);
            return result;
        }
        catch (Exception ex)
        {
            StorageMetrics.RecordFailure(Provider, _dialect, operation, SqlGrainStorage.FailureReason(ex), started);
            throw;
        }
    }
}
