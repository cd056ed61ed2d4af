using Microsoft.Data.Sqlite;

namespace OrleansShop.Providers.Sqlite.Database;

/// <summary>Opens connections to one database file with the pragmas every connection needs.</summary>
internal sealed class SqliteConnectionFactory(string databasePath, SqliteSynchronousMode synchronous)
{
    // How long a connection waits for another connection's (or process's) lock before failing.
    private const int BusyTimeoutMilliseconds = 10_000;

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        // Microsoft.Data.Sqlite retries a busy statement until this many seconds pass.
        DefaultTimeout = BusyTimeoutMilliseconds / 1000,
    }.ToString();

    // busy_timeout goes first so that switching a fresh file to WAL waits for a concurrent opener.
    private readonly string _pragmas =
        $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA journal_mode = WAL; " +
        $"PRAGMA synchronous = {(synchronous == SqliteSynchronousMode.Full ? "FULL" : "NORMAL")};";

    public string DatabasePath => databasePath;

    public SqliteConnection Open()
    {
        var folder = Path.GetDirectoryName(databasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
