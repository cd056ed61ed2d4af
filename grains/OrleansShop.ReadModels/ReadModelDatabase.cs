using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OrleansShop.ReadModels;

/// <summary>
/// Where the read models live and how to open a connection to them. In embedded mode they get a SQLite file of their own
/// (<see cref="SqliteFileName"/> in the data directory), so that projection writes never queue behind the grain storage's
/// single writer and the file can be deleted and rebuilt; on PostgreSQL they are tables in the shared database, or in a
/// database of their own that a data source signs in to (an Entra token as the password, on Azure).
/// </summary>
public sealed class ReadModelDatabase : IAsyncDisposable
{
    public const string SqliteFileName = "readmodels.db";

    private readonly string? _connectionString;
    private readonly NpgsqlDataSource? _dataSource;

    public ReadModelDatabase(ReadModelDialect dialect, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Dialect = dialect;
        _connectionString = connectionString;
    }

    /// <summary>
    /// Read models on PostgreSQL through <paramref name="dataSource"/>, which this instance owns and disposes: the way in
    /// when the password is not in the connection string but provided by the data source (a periodic password provider).
    /// </summary>
    public ReadModelDatabase(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        Dialect = ReadModelDialect.Postgres;
        _dataSource = dataSource;
    }

    public ReadModelDialect Dialect { get; }

    public static ReadModelDatabase ForSqliteFile(string path)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var builder = new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = true };
        return new ReadModelDatabase(ReadModelDialect.Sqlite, builder.ConnectionString);
    }

    /// <summary>An open connection; SQLite connections wait for a locked file instead of failing and use WAL.</summary>
    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => OpenAsync(forWriting: true, cancellationToken);

    /// <summary>
    /// An open connection for queries only. On SQLite it skips the per-open pragmas, which cost a round of statements on
    /// every request: WAL is a property of the file (set by the first writer), and readers under WAL are not blocked by
    /// the writer (the library retries the rare busy answer until the command timeout).
    /// </summary>
    public Task<DbConnection> OpenForReadingAsync(CancellationToken cancellationToken = default) => OpenAsync(forWriting: false, cancellationToken);

    private async Task<DbConnection> OpenAsync(bool forWriting, CancellationToken cancellationToken)
    {
        DbConnection connection = _dataSource is not null ? _dataSource.CreateConnection()
            : Dialect == ReadModelDialect.Sqlite ? new SqliteConnection(_connectionString)
            : new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection sqlite)
            {
                SqliteStatementSpans.Watch(sqlite);
            }

            if (forWriting && Dialect == ReadModelDialect.Sqlite)
            {
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _dataSource?.DisposeAsync() ?? ValueTask.CompletedTask;
}
