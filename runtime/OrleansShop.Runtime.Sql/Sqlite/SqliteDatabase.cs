using System.Threading.Channels;
using OrleansShop.Runtime.Sql.Diagnostics;
using OrleansShop.Runtime.Sql.Execution;

namespace OrleansShop.Runtime.Sql.Sqlite;

/// <summary>
/// One SQLite database file in this process: a single writer connection fed by a queue, and a small pool of read
/// connections. The writer commits whatever writes are waiting as one transaction and completes each write's task
/// only after that commit, so callers continue only once their write is durable, and many concurrent writers cost
/// one lock hand-over per batch instead of one per write. Under WAL the readers run in parallel with the writer.
/// </summary>
/// <remarks>
/// Providers that name the same file share one instance (reference-counted), so grain storage and the reminder
/// table in one file still have one writer. The first provider's connection settings apply to the shared instance.
/// </remarks>
internal sealed class SqliteDatabase : ISqlExecutor
{
    private static readonly Dictionary<string, SqliteDatabase> s_open = new(StringComparer.Ordinal);
    private static readonly Lock s_openGate = new();

    private readonly SqliteConnectionFactory _connections;
    private readonly int _maxBatchSize;
    private readonly Channel<ISqliteWrite> _writes = Channel.CreateUnbounded<ISqliteWrite>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly Channel<SqliteCommandSource> _idleReaders;
    private readonly List<SqliteCommandSource> _allReaders = [];
    private readonly SqliteCommandSource _writer;
    private readonly Task _writerLoop;
    private int _leases = 1;
    private volatile bool _closed;

    private SqliteDatabase(SqliteStorageOptions options)
    {
        _connections = new SqliteConnectionFactory(options);
        _maxBatchSize = options.MaxWriteBatchSize;
        _writer = new SqliteCommandSource(_connections.Open());
        _idleReaders = Channel.CreateBounded<SqliteCommandSource>(options.ReadConnections);
        try
        {
            for (var i = 0; i < options.ReadConnections; i++)
            {
                var reader = new SqliteCommandSource(_connections.Open());
                _allReaders.Add(reader);
                _idleReaders.Writer.TryWrite(reader);
            }
        }
        catch
        {
            DisposeConnections();
            throw;
        }

        _writerLoop = Task.Run(RunWriterAsync);
    }

    public string DatabasePath => _connections.DatabasePath;

    /// <summary>Returns the open database for the options' file, opening it on first use; dispose once per call.</summary>
    public static SqliteDatabase Acquire(SqliteStorageOptions options)
    {
        var path = options.DatabasePath;
        lock (s_openGate)
        {
            if (s_open.TryGetValue(path, out var database))
            {
                database._leases++;
                return database;
            }

            database = new SqliteDatabase(options);
            s_open.Add(path, database);
            return database;
        }
    }

    public ValueTask<T> ReadAsync<T>(Func<SqlCommandSource, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken) =>
        ReadAsync(static (commands, work, ct) => work(commands, ct), work, cancellationToken);

    public async ValueTask<T> ReadAsync<TArgument, T>(
        Func<SqlCommandSource, TArgument, CancellationToken, ValueTask<T>> work, TArgument argument, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (!_idleReaders.Reader.TryRead(out var reader))
        {
            reader = await _idleReaders.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await work(reader, argument, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _idleReaders.Writer.TryWrite(reader);
        }
    }

    public Task<T> WriteAsync<T>(Func<SqlCommandSource, CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new SqliteWrite<T>(work, cancellationToken);
        if (!_writes.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(SqliteDatabase), $"The SQLite database '{DatabasePath}' is closed.");
        }

        return write.Task;
    }

    /// <summary>Releases one lease; the last one drains the write queue and closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (s_openGate)
        {
            if (--_leases > 0)
            {
                return;
            }

            s_open.Remove(DatabasePath);
        }

        _writes.Writer.TryComplete();
        await _writerLoop.ConfigureAwait(false);
        _closed = true;
        DisposeConnections();
    }

    private async Task RunWriterAsync()
    {
        var batch = new List<ISqliteWrite>(_maxBatchSize);
        var reader = _writes.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatchSize && reader.TryRead(out var write))
            {
                if (write.TryStart())
                {
                    batch.Add(write);
                }
            }

            if (batch.Count > 0)
            {
                await CommitBatchAsync(batch).ConfigureAwait(false);
            }
        }
    }

    private async Task CommitBatchAsync(List<ISqliteWrite> batch)
    {
        var inWrites = false;
        try
        {
            _writer.Execute("BEGIN IMMEDIATE");
            inWrites = true;
            foreach (var write in batch)
            {
                await write.ExecuteAsync(_writer).ConfigureAwait(false);
            }

            inWrites = false;
            _writer.Execute("COMMIT");
            StorageMetrics.RecordWriteBatch(batch.Count);
            foreach (var write in batch)
            {
                write.Complete();
            }
        }
        catch (Exception batchFailure)
        {
            TryRollback();
            if (batch.Count == 1 || !inWrites)
            {
                // BEGIN or COMMIT failed (the file is locked or unwritable): that fails every write alike, and
                // retrying each alone would only wait out the busy timeout once per write.
                foreach (var write in batch)
                {
                    write.Fail(batchFailure);
                }

                return;
            }

            // One bad write must not fail the others that happened to share its transaction: redo each alone.
            foreach (var write in batch)
            {
                await CommitAloneAsync(write).ConfigureAwait(false);
            }
        }
    }

    private async Task CommitAloneAsync(ISqliteWrite write)
    {
        try
        {
            _writer.Execute("BEGIN IMMEDIATE");
            await write.ExecuteAsync(_writer).ConfigureAwait(false);
            _writer.Execute("COMMIT");
            StorageMetrics.RecordWriteBatch(1);
            write.Complete();
        }
        catch (Exception ex)
        {
            TryRollback();
            write.Fail(ex);
        }
    }

    private void TryRollback()
    {
        try
        {
            if (SQLitePCL.raw.sqlite3_get_autocommit(_writer.Connection.Handle) == 0)
            {
                _writer.Execute("ROLLBACK");
            }
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // The transaction is already gone (SQLite rolls back by itself after some errors); nothing to undo.
        }
    }

    private void DisposeConnections()
    {
        foreach (var reader in _allReaders)
        {
            reader.Dispose();
        }

        _allReaders.Clear();
        _writer.Dispose();
    }
}
