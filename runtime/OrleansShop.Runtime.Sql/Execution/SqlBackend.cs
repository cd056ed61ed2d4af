using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging;
using Npgsql;
using OrleansShop.Runtime.Sql.Dialects;
using OrleansShop.Runtime.Sql.Sqlite;

namespace OrleansShop.Runtime.Sql.Execution;

/// <summary>What a provider needs from one database: its dialect, how to run work on it, and how to migrate it.</summary>
internal sealed record SqlBackend(SqlDialect Dialect, ISqlExecutor Executor, SqlSchemaMigrator Migrator)
{
    public static SqlBackend Sqlite(SqliteStorageOptions options, ILoggerFactory? loggerFactory) =>
        new(SqliteDialect.Instance, SqliteDatabase.Acquire(options), SqlSchemaMigrator.ForSqlite(options, loggerFactory));

    public static SqlBackend Postgres(PostgresStorageOptions options, ILoggerFactory? loggerFactory)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            // The same few statements run all the time: let Npgsql prepare them once per physical connection.
            builder.MaxAutoPrepare = 32;
        }

        var connectionString = builder.ConnectionString;
        return new(
            PostgresDialect.Instance,
            new PooledConnectionExecutor(() => new NpgsqlConnection(connectionString)),
            SqlSchemaMigrator.ForPostgres(options, loggerFactory));
    }

    public static SqlBackend SqlServer(SqlServerStorageOptions options, ILoggerFactory? loggerFactory)
    {
        var connectionString = options.ConnectionString;
        return new(
            SqlServerDialect.Instance,
            new PooledConnectionExecutor(() => new SqlConnection(connectionString)),
            SqlSchemaMigrator.ForSqlServer(options, loggerFactory));
    }
}
