using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Sql.Dialects;
using OrleansShop.Runtime.Sql.Execution;

namespace OrleansShop.Runtime.Sql;

/// <summary>
/// The cluster membership table in the same SQL database as grain state (after Orleans' ADO.NET clustering): rows
/// keyed by cluster and silo incarnation, and a version row per cluster. Reads return rows and version from one
/// statement; inserts and updates bump the version in the same transaction and apply only if it is unchanged.
/// SQLite serves several silo processes on one machine; PostgreSQL a real cluster; SQL Server is not verified
/// against a server.
/// </summary>
public sealed class SqlMembershipTable : IMembershipTable, IAsyncDisposable
{
    private readonly SqlBackend _backend;
    private readonly SqlDialect _dialect;
    private readonly SchemaGate _schema;
    private readonly string _clusterId;
    private int _disposed;

    private SqlMembershipTable(string clusterId, SqlStorageOptions options, SqlBackend backend)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        _clusterId = clusterId;
        _backend = backend;
        _dialect = backend.Dialect;
        _schema = new SchemaGate(backend.Migrator, options.MigrateSchemaOnStartup);
    }

    public static SqlMembershipTable CreateSqlite(string clusterId, SqliteStorageOptions options, ILoggerFactory? loggerFactory = null) =>
        Create(clusterId, options, () => SqlBackend.Sqlite(options, loggerFactory));

    public static SqlMembershipTable CreatePostgres(string clusterId, PostgresStorageOptions options, ILoggerFactory? loggerFactory = null) =>
        Create(clusterId, options, () => SqlBackend.Postgres(options, loggerFactory));

    /// <summary>SQL Server: not verified against a server.</summary>
    public static SqlMembershipTable CreateSqlServer(string clusterId, SqlServerStorageOptions options, ILoggerFactory? loggerFactory = null) =>
        Create(clusterId, options, () => SqlBackend.SqlServer(options, loggerFactory));

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _backend.Executor.WriteAsync(
            async (commands, ct) =>
            {
                var command = commands.Command(_dialect.InsertMembershipVersionSql);
                _dialect.AddParameter(command, "@ClusterId", _clusterId);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _backend.Executor.ReadAsync(ReadTableAsync, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> InsertRowAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return WriteAsync(entry, expectedVersion, insert: true, cancellationToken);
    }

    public Task<bool> UpdateRowAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return WriteAsync(entry, expectedVersion, insert: false, cancellationToken);
    }

    public async Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset time, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _backend.Executor.WriteAsync(
            async (commands, ct) =>
            {
                var command = commands.Command(_dialect.UpdateIAmAliveSql);
                BindKey(command, silo);
                _dialect.AddParameter(command, "@IAmAliveTime", time.ToUnixTimeMilliseconds());
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _backend.Executor.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static SqlMembershipTable Create(string clusterId, SqlStorageOptions options, Func<SqlBackend> backend)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new SqlMembershipTable(clusterId, options, backend());
    }

    private async Task<bool> WriteAsync(MembershipEntry entry, long expectedVersion, bool insert, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _backend.Executor.WriteAsync(
            async (commands, ct) =>
            {
                if (_dialect.MembershipWritesBumpVersionSeparately)
                {
                    // The executor's transaction holds both statements together.
                    var bump = commands.Command(_dialect.BumpMembershipVersionSql);
                    _dialect.AddParameter(bump, "@ClusterId", _clusterId);
                    _dialect.AddParameter(bump, "@Version", expectedVersion);
                    if (await bump.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                    {
                        return false;
                    }

                    return await BindRow(commands.Command(insert ? _dialect.InsertMemberSql : _dialect.UpdateMemberSql), entry, insert, expectedVersion: null)
                        .ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
                }

                var command = BindRow(commands.Command(insert ? _dialect.InsertMemberSql : _dialect.UpdateMemberSql), entry, insert, expectedVersion);
                var done = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
                return done is not null and not DBNull && Convert.ToInt32(done, CultureInfo.InvariantCulture) == 1;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private DbCommand BindRow(DbCommand command, MembershipEntry entry, bool insert, long? expectedVersion)
    {
        BindKey(command, entry.Silo);
        if (expectedVersion is not null)
        {
            _dialect.AddParameter(command, "@Version", expectedVersion.Value);
        }

        _dialect.AddParameter(command, "@Status", (int)entry.Status);
        _dialect.AddParameter(command, "@SuspectTimes", SuspectVote.Format(entry.SuspectVotes));
        if (insert)
        {
            _dialect.AddParameter(command, "@SiloName", entry.SiloName);
            _dialect.AddParameter(command, "@HostName", entry.HostName);
            _dialect.AddParameter(command, "@StartTime", entry.StartTime.ToUnixTimeMilliseconds());
            _dialect.AddParameter(command, "@IAmAliveTime", entry.IAmAliveTime.ToUnixTimeMilliseconds());
        }

        return command;
    }

    private void BindKey(DbCommand command, SiloAddress silo)
    {
        _dialect.AddParameter(command, "@ClusterId", _clusterId);
        _dialect.AddParameter(command, "@Address", silo.Host);
        _dialect.AddParameter(command, "@Port", silo.Port);
        _dialect.AddParameter(command, "@Generation", silo.Generation);
    }

    private async ValueTask<MembershipTableData> ReadTableAsync(SqlCommandSource commands, CancellationToken cancellationToken)
    {
        var command = commands.Command(_dialect.ReadMembershipSql);
        _dialect.AddParameter(command, "@ClusterId", _clusterId);
        var entries = new List<MembershipEntry>();
        long? version = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            version = reader.GetInt64(0);
            if (reader.IsDBNull(1))
            {
                continue;
            }

            entries.Add(new MembershipEntry(
                new SiloAddress(reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3)),
                reader.GetString(4),
                reader.GetString(5),
                (SiloStatus)reader.GetInt32(6),
                SuspectVote.Parse(reader.IsDBNull(7) ? null : reader.GetString(7)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9))));
        }

        return new MembershipTableData(entries, version ?? throw new InvalidOperationException(
            $"Cluster '{_clusterId}' has no membership version row: initialize the membership table first."));
    }
}
