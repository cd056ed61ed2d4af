using System.Data.Common;
using System.Globalization;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrleansShop.Runtime.Sql.Diagnostics;
using OrleansShop.Runtime.Sql.Dialects;
using OrleansShop.Runtime.Sql.Sqlite;

namespace OrleansShop.Runtime.Sql;

/// <summary>
/// Creates and upgrades the storage schema (grain state, reminders) by numbered scripts, recording each applied
/// version in a schema version table. Safe to run at every start-up and from several processes at once: the whole
/// migration runs in one transaction under a database-wide lock, so a second migrator waits, then finds nothing
/// left to do. A database already newer than this code is left alone.
/// </summary>
public sealed class SqlSchemaMigrator
{
    private readonly SqlDialect _dialect;
    private readonly Func<CancellationToken, ValueTask<DbConnection>> _openConnection;
    private readonly ILogger _logger;

    internal SqlSchemaMigrator(SqlDialect dialect, Func<CancellationToken, ValueTask<DbConnection>> openConnection, ILoggerFactory? loggerFactory)
    {
        _dialect = dialect;
        _openConnection = openConnection;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SqlSchemaMigrator>();
    }

    /// <summary>The dialect this migrator speaks: sqlite, postgres or sqlserver.</summary>
    public string Dialect => _dialect.Name;

    /// <summary>The schema version this code brings a database to.</summary>
    public int LatestVersion => _dialect.Scripts.Count;

    public static SqlSchemaMigrator ForSqlite(SqliteStorageOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var connections = new SqliteConnectionFactory(options);
        return new SqlSchemaMigrator(SqliteDialect.Instance, _ => ValueTask.FromResult<DbConnection>(connections.Open()), loggerFactory);
    }

    public static SqlSchemaMigrator ForPostgres(PostgresStorageOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var connectionString = options.ConnectionString;
        return new SqlSchemaMigrator(PostgresDialect.Instance, ct => OpenAsync(new NpgsqlConnection(connectionString), ct), loggerFactory);
    }

    /// <summary>SQL Server: not verified against a server.</summary>
    public static SqlSchemaMigrator ForSqlServer(SqlServerStorageOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var connectionString = options.ConnectionString;
        return new SqlSchemaMigrator(SqlServerDialect.Instance, ct => OpenAsync(new SqlConnection(connectionString), ct), loggerFactory);
    }

    /// <summary>Applies every script newer than the database's version.</summary>
    public Task<SchemaMigrationResult> MigrateAsync(CancellationToken cancellationToken = default) =>
        MigrateAsync(LatestVersion, cancellationToken);

    /// <summary>The highest applied schema version; 0 for a database never migrated.</summary>
    public async Task<int> GetCurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _openConnection(cancellationToken).ConfigureAwait(false);
        if (await ScalarAsync(connection, null, _dialect.SchemaVersionTableExistsSql, cancellationToken).ConfigureAwait(false) == 0)
        {
            return 0;
        }

        return await ScalarAsync(connection, null, _dialect.ReadSchemaVersionSql, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies scripts up to <paramref name="targetVersion"/> only (tests use it to stage an upgrade).</summary>
    internal async Task<SchemaMigrationResult> MigrateAsync(int targetVersion, CancellationToken cancellationToken)
    {
        await using var connection = await _openConnection(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(_dialect.MigrationIsolationLevel, cancellationToken).ConfigureAwait(false);
        if (_dialect.MigrationLockSql is { } lockSql)
        {
            await ExecuteAsync(connection, transaction, lockSql, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction, _dialect.CreateSchemaVersionTableSql, cancellationToken).ConfigureAwait(false);
        var previous = await ScalarAsync(connection, transaction, _dialect.ReadSchemaVersionSql, cancellationToken).ConfigureAwait(false);
        var applied = new List<int>();
        foreach (var script in _dialect.Scripts)
        {
            if (script.Version <= previous || script.Version > targetVersion)
            {
                continue;
            }

            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken).ConfigureAwait(false);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = _dialect.InsertSchemaVersionSql;
            _dialect.AddParameter(record, "@Version", script.Version);
            _dialect.AddParameter(record, "@Description", script.Description);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            applied.Add(script.Version);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var current = applied.Count == 0 ? previous : applied[^1];
        if (applied.Count > 0)
        {
            StorageLog.SchemaMigrated(_logger, _dialect.Name, string.Join(", ", applied), current);
        }

        return new SchemaMigrationResult(previous, current, applied);
    }

    private static async ValueTask<DbConnection> OpenAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }
}
