using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Runtime.Sql;

/// <summary>
/// One place where a host turns <see cref="SqlStorageSettings"/> into its default grain storage and reminder table,
/// so the silo host and the API's embedded silo read the same configuration the same way.
/// </summary>
public static class SqlStorageSelection
{
    /// <summary>
    /// Registers the configured database as the <see cref="PersistentStateAttribute.DefaultStorageName"/> grain storage and
    /// as the reminder table. <paramref name="configure"/> adjusts the options of both (e.g. adds a JSON context).
    /// </summary>
    public static ISiloBuilder AddSqlStorage(
        this ISiloBuilder silo, SqlStorageSettings settings, string dataDirectory, Action<SqlStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        const string store = PersistentStateAttribute.DefaultStorageName;
        switch (settings.Dialect)
        {
            case "sqlite":
                void Sqlite(SqliteStorageOptions o)
                {
                    o.DataDirectory = dataDirectory;
                    configure?.Invoke(o);
                }

                return silo.AddSqliteGrainStorage(store, Sqlite).UseSqliteReminders(Sqlite);
            case "postgres":
                var pg = settings.RequireConnectionString();
                void Postgres(PostgresStorageOptions o)
                {
                    o.ConnectionString = pg;
                    configure?.Invoke(o);
                }

                return silo.AddPostgresGrainStorage(store, Postgres).UsePostgresReminders(Postgres);
            default:
                var ms = settings.RequireConnectionString();
                void SqlServer(SqlServerStorageOptions o)
                {
                    o.ConnectionString = ms;
                    configure?.Invoke(o);
                }

                return silo.AddSqlServerGrainStorage(store, SqlServer).UseSqlServerReminders(SqlServer);
        }
    }

    /// <summary>
    /// Makes the silo a cluster member whose membership table lives in the configured database (the same one as the
    /// grain state); the membership options bind from <c>OrleansShop:Cluster</c>, then <paramref name="configure"/>.
    /// </summary>
    public static ISiloBuilder UseSqlClustering(
        this ISiloBuilder silo, SqlStorageSettings settings, string dataDirectory, Action<ClusterMembershipOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Dialect switch
        {
            "sqlite" => silo.UseSqliteClustering(o => o.DataDirectory = dataDirectory, configure),
            "postgres" => silo.UsePostgresClustering(o => o.ConnectionString = settings.RequireConnectionString(), configure),
            _ => silo.UseSqlServerClustering(o => o.ConnectionString = settings.RequireConnectionString(), configure),
        };
    }

    /// <summary>A migrator for the configured database (the hosts' <c>migrate</c> command).</summary>
    public static SqlSchemaMigrator CreateMigrator(SqlStorageSettings settings, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Dialect switch
        {
            "sqlite" => SqlSchemaMigrator.ForSqlite(new SqliteStorageOptions { DataDirectory = dataDirectory }),
            "postgres" => SqlSchemaMigrator.ForPostgres(new PostgresStorageOptions { ConnectionString = settings.RequireConnectionString() }),
            _ => SqlSchemaMigrator.ForSqlServer(new SqlServerStorageOptions { ConnectionString = settings.RequireConnectionString() }),
        };
    }
}
