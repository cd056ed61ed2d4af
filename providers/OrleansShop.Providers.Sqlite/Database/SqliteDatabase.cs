using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace OrleansShop.Providers.Sqlite.Database;

/// <summary>
/// One SQLite database file in this process: a single writer connection fed by a queue, and a small pool of read
/// connections. The writer commits whatever writes are waiting as one transaction (group commit) and completes
/// each write's task only after that commit, so callers continue only once their write is durable, and many
/// concurrent writers cost one lock hand-over and one WAL sync per batch instead of one per write. Under WAL the
/// readers run in parallel with the writer.
/// </summary>
/// <remarks>
/// Providers that name the same file share one instance (reference-counted), so grain storage and the reminder
/// table in one file have one writer and cannot lock each other out. The first opener's settings apply.
/// </remarks>
internal sealed class SqliteDatabase : IAsyncDisposable
{
    private const int MaxBatchSize = 512;

    private static readonly Dictionary<string, SqliteDatabase> s_open = new(StringComparer.Ordinal);
    private static readonly Lock s_openGate = new();

    private readonly Channel<ISqliteWrite> _writes = Channel.CreateUnbounded<ISqliteWrite>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly Channel<SqliteCommandSource> _idleReaders;
    private readonly List<SqliteCommandSource> _allReaders = [];
    private readonly SqliteCommandSource _writer;
    private readonly Task _writerLoop;
    private int _leases = 1;
    private volatile bool _closed;

    private SqliteDatabase(string databasePath, SqliteSynchronousMode synchronous)
    {
        DatabasePath = databasePath;
        var connections = new SqliteConnectionFactory(databasePath, synchronous);
        _writer = new SqliteCommandSource(connections.Open());

        // More readers than cores, so that a reader preempted while holding a connection does not stall the others.
        var readConnections = Math.Max(4, 2 * Environment.ProcessorCount);
        _idleReaders = Channel.CreateBounded<SqliteCommandSource>(readConnections);
        try
        {
            SqliteSchema.Apply(_writer);
            for (var i = 0; i < readConnections; i++)
            {
                var reader = new SqliteCommandSource(connections.Open());
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

    public string DatabasePath { get; }

    /// <summary>Returns the open database for the file, opening it (and creating its schema) on first use; dispose once per call.</summary>
    public static SqliteDatabase Acquire(string databasePath, SqliteSynchronousMode synchronous)
    {
        var path = Path.GetFullPath(databasePath);
        lock (s_openGate)
        {
            if (s_open.TryGetValue(path, out var database))
            {
                database._leases++;
                return database;
            }

            database = new SqliteDatabase(path, synchronous);
            s_open.Add(path, database);
            return database;
        }
    }

    /// <summary>Runs a read on a pooled read connection (a snapshot of the last commit).</summary>
    public async ValueTask<T> ReadAsync<TArgument, T>(Func<SqliteCommandSource, TArgument, T> work, TArgument argument, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (!_idleReaders.Reader.TryRead(out var reader))
        {
            reader = await _idleReaders.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return work(reader, argument);
        }
        finally
        {
            _idleReaders.Writer.TryWrite(reader);
        }
    }

    /// <summary>
    /// Queues a write for the writer's next transaction; the task completes once that transaction has committed.
    /// Cancellation takes effect only while the write is still queued.
    /// </summary>
    public Task<T> WriteAsync<TArgument, T>(Func<SqliteCommandSource, TArgument, T> work, TArgument argument, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new SqliteWrite<TArgument, T>(work, argument, cancellationToken);
        if (!_writes.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(SqliteDatabase), $"The SQLite database '{DatabasePath}' is closed.");
        }

        return write.Task;
    }

    /// <summary>Releases one lease; the last one commits the queued writes and closes the connections.</summary>
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
        var batch = new List<ISqliteWrite>(MaxBatchSize);
        var reader = _writes.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatchSize && reader.TryRead(out var write))
            {
                if (write.TryStart())
                {
                    batch.Add(write);
                }
            }

            if (batch.Count > 0)
            {
                CommitBatch(batch);
            }
        }
    }

    private void CommitBatch(List<ISqliteWrite> batch)
    {
        var inWrites = false;
        try
        {
            _writer.Execute("BEGIN IMMEDIATE");
            inWrites = true;
            foreach (var write in batch)
            {
                write.Execute(_writer);
            }

            inWrites = false;
            _writer.Execute("COMMIT");
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
                CommitAlone(write);
            }
        }
    }

    private void CommitAlone(ISqliteWrite write)
    {
        try
        {
            _writer.Execute("BEGIN IMMEDIATE");
            write.Execute(_writer);
            _writer.Execute("COMMIT");
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
        catch (SqliteException)
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
