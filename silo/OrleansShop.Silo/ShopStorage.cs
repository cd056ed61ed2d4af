using OrleansShop.Runtime.Storage;
using OrleansShop.Runtime.Hosting;
using OrleansShop.Runtime.Sql;

namespace OrleansShop.Silo;

/// <summary>Wires grain storage and reminders to the configured SQL database, and migrates its schema on demand.</summary>
public static class ShopStorage
{
    public static ISiloBuilder AddShopStorage(this ISiloBuilder silo, ShopStorageSettings storage, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(storage);
        const string store = PersistentStateAttribute.DefaultStorageName;
        switch (Normalize(storage.Provider))
        {
            case "sqlite":
                silo.AddSqliteGrainStorage(store, o => o.DataDirectory = dataDirectory);
                silo.UseSqliteReminders(o => o.DataDirectory = dataDirectory);
                break;
            case "postgres":
                var pg = RequireConnectionString(storage);
                silo.AddPostgresGrainStorage(store, o => o.ConnectionString = pg);
                silo.UsePostgresReminders(o => o.ConnectionString = pg);
                break;
            case "sqlserver":
                var ms = RequireConnectionString(storage);
                silo.AddSqlServerGrainStorage(store, o => o.ConnectionString = ms);
                silo.UseSqlServerReminders(o => o.ConnectionString = ms);
                break;
        }

        return silo;
    }

    /// <summary>Applies missing schema scripts and reports the version reached (the <c>migrate</c> command).</summary>
    public static async Task<SchemaMigrationResult> MigrateAsync(ShopStorageSettings storage, string dataDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var migrator = Normalize(storage.Provider) switch
        {
            "postgres" => SqlSchemaMigrator.ForPostgres(new PostgresStorageOptions { ConnectionString = RequireConnectionString(storage) }),
            "sqlserver" => SqlSchemaMigrator.ForSqlServer(new SqlServerStorageOptions { ConnectionString = RequireConnectionString(storage) }),
            _ => SqlSchemaMigrator.ForSqlite(new SqliteStorageOptions { DataDirectory = dataDirectory }),
        };
        return await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Normalize(string provider) => provider.Trim().ToLowerInvariant() switch
    {
        "sqlite" => "sqlite",
        "postgres" or "postgresql" or "npgsql" => "postgres",
        "sqlserver" or "mssql" or "azuresql" => "sqlserver",
        _ => throw new InvalidOperationException(
            $"OrleansShop:Storage:Provider '{provider}' is not known; use sqlite, postgres or sqlserver."),
    };

    private static string RequireConnectionString(ShopStorageSettings storage) =>
        string.IsNullOrWhiteSpace(storage.ConnectionString)
            ? throw new InvalidOperationException(
                $"OrleansShop:Storage:ConnectionString is required for the '{storage.Provider}' provider.")
            : storage.ConnectionString;
}
