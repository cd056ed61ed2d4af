using System.Data.Common;

namespace OrleansShop.Providers.AdoNet;

/// <summary>
/// What differs between databases for the migrator itself: the connection, the lock that serializes migrators,
/// and the version table's DDL. The migration scripts are per dialect as well (<see cref="SchemaScriptCatalog"/>).
/// </summary>
internal abstract class SchemaMigrationDialect
{
    /// <summary>Our own table: one row per applied script. Kept apart from Orleans' tables so they stay Orleans' shape.</summary>
    public const string VersionTable = "OrleansShopSchemaVersion";

    public static SchemaMigrationDialect For(AdoNetDialect dialect) => dialect switch
    {
        AdoNetDialect.PostgreSql => new PostgresMigrationDialect(),
        AdoNetDialect.SqlServer => new SqlServerMigrationDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "unknown ADO.NET dialect"),
    };

    public abstract AdoNetDialect Dialect { get; }

    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>A query answering whether the version table exists (a boolean or 0/1), run without the lock.</summary>
    public abstract string VersionTableExistsSql { get; }

    /// <summary>Creates the version table when missing; runs under the lock, so two migrators never race on it.</summary>
    public abstract string CreateVersionTableSql { get; }

    /// <summary>
    /// Takes an exclusive lock held until the current transaction ends. Every migrator takes it before reading the
    /// applied versions, so silos starting together apply each script once and in order.
    /// </summary>
    public abstract string AcquireLockSql { get; }

    public string SelectAppliedVersionsSql => $"SELECT Version FROM {VersionTable}";

    public string InsertAppliedVersionSql => $"INSERT INTO {VersionTable} (Version, Name) VALUES (@Version, @Name)";
}
