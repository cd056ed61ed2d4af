using System.Globalization;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using OrleansShop.Providers.Sqlite.Database;

namespace OrleansShop.Providers.Sqlite;

/// <summary>
/// Orleans' reminder table in an embedded SQLite file (Orleans ships none for SQLite). One row per service, grain
/// and reminder name, its version as the ETag: <see cref="UpsertRow"/> inserts or replaces and returns the new
/// ETag, <see cref="RemoveRow"/> removes only the version named. Writes share the file's single writer connection
/// with grain storage in the same file, so the two never wait on each other's locks.
/// </summary>
public sealed class SqliteReminderTable : IReminderTable, IAsyncDisposable
{
    private readonly string _serviceId;
    private readonly SqliteDatabaseLease _lease;

    public SqliteReminderTable(IOptions<ClusterOptions> clusterOptions, IOptions<SqliteReminderTableOptions> options)
    {
        ArgumentNullException.ThrowIfNull(clusterOptions);
        ArgumentNullException.ThrowIfNull(options);
        _serviceId = clusterOptions.Value.ServiceId;
        new SqliteReminderTableOptionsValidator(options).ValidateConfiguration();

        // The reminder table joins a file grain storage already opened (with its Synchronous setting), else opens it with Normal.
        _lease = new SqliteDatabaseLease(options.Value.DatabasePath!, SqliteSynchronousMode.Normal);
    }

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        Open();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => DisposeAsync().AsTask();

    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        var entries = await Open().ReadAsync(
            static (commands, read) => ReminderStatements.ReadGrain(commands, read._serviceId, read.grainId), (_serviceId, grainId), CancellationToken.None).ConfigureAwait(false);
        return new ReminderTableData(entries);
    }

    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        var entries = await Open().ReadAsync(
            static (commands, read) => ReminderStatements.ReadRange(commands, read._serviceId, read.begin, read.end), (_serviceId, begin, end), CancellationToken.None).ConfigureAwait(false);
        return new ReminderTableData(entries);
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        return await Open().ReadAsync(
            static (commands, read) => ReminderStatements.ReadRow(commands, read._serviceId, read.grainId, read.reminderName),
            (_serviceId, grainId, reminderName),
            CancellationToken.None).ConfigureAwait(false);
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.ReminderName);
        var version = await Open().WriteAsync(
            static (commands, upsert) => ReminderStatements.Upsert(commands, upsert._serviceId, upsert.entry), (_serviceId, entry), CancellationToken.None).ConfigureAwait(false);
        return version.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            // An ETag this table never issued matches no row.
            return false;
        }

        return await Open().WriteAsync(
            static (commands, remove) => ReminderStatements.Remove(commands, remove._serviceId, remove.grainId, remove.reminderName, remove.version),
            (_serviceId, grainId, reminderName, version),
            CancellationToken.None).ConfigureAwait(false);
    }

    public Task TestOnlyClearTable() =>
        Open().WriteAsync(static (commands, serviceId) => ReminderStatements.Clear(commands, serviceId), _serviceId, CancellationToken.None);

    /// <summary>Commits the queued writes, then releases this table's hold on the file.</summary>
    public ValueTask DisposeAsync() => _lease.DisposeAsync();

    private SqliteDatabase Open() => _lease.Database;
}
