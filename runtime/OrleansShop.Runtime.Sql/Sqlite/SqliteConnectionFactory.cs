using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OrleansShop.Runtime.Sql.Sqlite;

/// <summary>Opens connections to the database file with the pragmas every connection needs.</summary>
internal sealed class SqliteConnectionFactory(SqliteStorageOptions options)
{
    private readonly string _connectionString = options.BuildConnectionString();
    private readonly string _pragmas = string.Create(
        CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = {(options.Synchronous == SqliteSynchronousMode.Full ? "FULL" : "NORMAL")};");

    public string DatabasePath { get; } = options.DatabasePath;

    public SqliteConnection Open()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();

            // busy_timeout goes first so that switching a fresh file to WAL waits for a concurrent opener.
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
