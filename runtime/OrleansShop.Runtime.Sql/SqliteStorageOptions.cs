using Microsoft.Data.Sqlite;

namespace OrleansShop.Runtime.Sql;

/// <summary>Embedded SQLite storage: one database file under <see cref="DataDirectory"/>, in WAL mode.</summary>
public sealed class SqliteStorageOptions : SqlStorageOptions
{
    /// <summary>The folder holding the database file; created when missing. Relative paths resolve against the current directory.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>The database file name inside <see cref="DataDirectory"/>.</summary>
    public string DatabaseFileName { get; set; } = "orleansshop.db";

    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Normal;

    /// <summary>
    /// Connections that serve reads in parallel (writes always go through one connection). More than the core count,
    /// so that a reader preempted while holding a connection does not make the others queue behind it.
    /// </summary>
    public int ReadConnections { get; set; } = Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>The most queued writes committed together in one transaction.</summary>
    public int MaxWriteBatchSize { get; set; } = 256;

    /// <summary>How long a connection waits for another process's lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, DatabaseFileName));

    public override void Validate()
    {
        base.Validate();
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            throw new InvalidOperationException($"{nameof(SqliteStorageOptions)}.{nameof(DataDirectory)} must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(DatabaseFileName) || DatabaseFileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new InvalidOperationException(
                $"{nameof(SqliteStorageOptions)}.{nameof(DatabaseFileName)} '{DatabaseFileName}' is not a valid file name.");
        }

        if (ReadConnections is < 1 or > 64)
        {
            throw new InvalidOperationException(
                $"{nameof(SqliteStorageOptions)}.{nameof(ReadConnections)} must be between 1 and 64, not {ReadConnections}.");
        }

        if (MaxWriteBatchSize is < 1 or > 10_000)
        {
            throw new InvalidOperationException(
                $"{nameof(SqliteStorageOptions)}.{nameof(MaxWriteBatchSize)} must be between 1 and 10000, not {MaxWriteBatchSize}.");
        }

        if (BusyTimeout < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{nameof(SqliteStorageOptions)}.{nameof(BusyTimeout)} must not be negative.");
        }
    }

    internal string BuildConnectionString() => new SqliteConnectionStringBuilder
    {
        DataSource = DatabasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        // Microsoft.Data.Sqlite retries a busy statement until this many seconds pass; 0 would mean forever.
        DefaultTimeout = Math.Max(1, (int)Math.Ceiling(BusyTimeout.TotalSeconds)),
    }.ToString();
}
