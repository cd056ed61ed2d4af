using System.Data.Common;

namespace OrleansShop.Providers.AdoNet;

/// <summary>
/// Brings a database up to the schema Orleans' ADO.NET providers (persistence, clustering, reminders) need: the
/// <c>OrleansQuery</c> statement table, the providers' tables and their statements. Scripts are numbered; the
/// database records the ones it has in its own version table, and each missing one runs in its own transaction
/// under an exclusive database lock, so any number of migrators (several silos starting at once) apply each script
/// exactly once. Safe to run on every start: a current database costs one query.
/// </summary>
public sealed class AdoNetSchemaMigrator
{
    // Long enough for a migrator to wait behind another one's script; the SQL Server lock timeout is a bit shorter.
    private const int CommandTimeoutSeconds = 120;

    private readonly SchemaMigrationDialect _dialect;
    private readonly string _connectionString;
    private readonly IReadOnlyList<SchemaScript> _scripts;

    private AdoNetSchemaMigrator(AdoNetDialect dialect, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dialect = SchemaMigrationDialect.For(dialect);
        _connectionString = connectionString;
        _scripts = SchemaScriptCatalog.For(dialect);
    }

    /// <summary>A migrator for a PostgreSQL database (Npgsql connection string).</summary>
    public static AdoNetSchemaMigrator ForPostgres(string connectionString) => new(AdoNetDialect.PostgreSql, connectionString);

    /// <summary>A migrator for a SQL Server database (Microsoft.Data.SqlClient connection string).</summary>
    public static AdoNetSchemaMigrator ForSqlServer(string connectionString) => new(AdoNetDialect.SqlServer, connectionString);

    /// <summary>A migrator for the given dialect.</summary>
    public static AdoNetSchemaMigrator For(AdoNetDialect dialect, string connectionString) => new(dialect, connectionString);

    public AdoNetDialect Dialect => _dialect.Dialect;

    /// <summary>The version a database has once every script of this build is applied.</summary>
    public int LatestVersion => _scripts.Count;

    /// <summary>Applies the scripts the database lacks, in order.</summary>
    public async Task<SchemaMigrationResult> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = _dialect.CreateConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        var known = await ReadAppliedVersionsAsync(connection, cancellationToken).ConfigureAwait(false);
        var appliedNow = new List<int>();
        foreach (var script in _scripts.Where(script => !known.Contains(script.Version)))
        {
            if (await ApplyAsync(connection, script, cancellationToken).ConfigureAwait(false))
            {
                appliedNow.Add(script.Version);
            }
        }

        // A database migrated by a newer build may have versions past ours; report what it really has.
        return new SchemaMigrationResult(Math.Max(LatestVersion, known.DefaultIfEmpty(0).Max()), appliedNow);
    }

    /// <summary>Whether the database already has every script of this build (reads only; takes no lock).</summary>
    public async Task<bool> IsCurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = _dialect.CreateConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var applied = await ReadAppliedVersionsAsync(connection, cancellationToken).ConfigureAwait(false);
        return _scripts.All(script => applied.Contains(script.Version));
    }

    private async Task<HashSet<int>> ReadAppliedVersionsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using (var exists = CreateCommand(connection, null, _dialect.VersionTableExistsSql))
        {
            if (!Convert.ToBoolean(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture))
            {
                return [];
            }
        }

        return await ReadVersionsAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HashSet<int>> ReadVersionsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var versions = new HashSet<int>();
        await using var command = CreateCommand(connection, transaction, _dialect.SelectAppliedVersionsSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    /// <summary>Applies one script unless another migrator did meanwhile; returns whether this call applied it.</summary>
    private async Task<bool> ApplyAsync(DbConnection connection, SchemaScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, _dialect.AcquireLockSql, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, _dialect.CreateVersionTableSql, cancellationToken).ConfigureAwait(false);

        // Read again under the lock: the first read was only a shortcut for a database that is already current.
        var applied = await ReadVersionsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (applied.Contains(script.Version))
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        try
        {
            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw new InvalidOperationException(
                $"{_dialect.Dialect} schema script {script.Version:D4}_{script.Name} failed; the database is left at its previous version.", ex);
        }

        await using (var record = CreateCommand(connection, transaction, _dialect.InsertAppliedVersionSql))
        {
            AddParameter(record, "@Version", script.Version);
            AddParameter(record, "@Name", script.Name);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.CommandTimeout = CommandTimeoutSeconds;
        return command;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
