using System.Data.Common;
using Microsoft.Extensions.Logging;
using OrleansShop.Runtime.Clustering;
using OrleansShop.Runtime.Placement;
using OrleansShop.Runtime.Sql.Dialects;
using OrleansShop.Runtime.Sql.Execution;

namespace OrleansShop.Runtime.Sql;

/// <summary>
/// The grain directory in the cluster's SQL database (after Orleans' external grain directories, e.g. its ADO.NET and
/// Redis ones): one row per grain id and cluster. Registration is an insert-if-absent followed by a read of whichever
/// row holds, so concurrent registrations agree on one winner; removal deletes only the exact row it names.
/// </summary>
public sealed class SqlGrainDirectory : IGrainDirectory, IAsyncDisposable
{
    private readonly SqlBackend _backend;
    private readonly SqlDialect _dialect;
    private readonly SchemaGate _schema;
    private readonly string _clusterId;
    private int _disposed;

    private SqlGrainDirectory(string clusterId, SqlStorageOptions options, SqlBackend backend)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        _clusterId = clusterId;
        _backend = backend;
        _dialect = backend.Dialect;
        _schema = new SchemaGate(backend.Migrator, options.MigrateSchemaOnStartup);
    }

    public static SqlGrainDirectory CreateSqlite(string clusterId, SqliteStorageOptions options, ILoggerFactory? loggerFactory = null) =>
        Create(clusterId, options, () => SqlBackend.Sqlite(options, loggerFactory));

    public static SqlGrainDirectory CreatePostgres(string clusterId, PostgresStorageOptions options, ILoggerFactory? loggerFactory = null) =>
        Create(clusterId, options, () => SqlBackend.Postgres(options, loggerFactory));

    /// <summary>SQL Server: not verified against a server.</summary>
    public static SqlGrainDirectory CreateSqlServer(string clusterId, SqlServerStorageOptions options, ILoggerFactory? loggerFactory = null) =>
        Create(clusterId, options, () => SqlBackend.SqlServer(options, loggerFactory));

    public async Task<GrainAddress> RegisterAsync(GrainAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var holder = await _backend.Executor.WriteAsync(
                async (commands, ct) =>
                {
                    var insert = commands.Command(_dialect.RegisterGrainSql);
                    BindGrain(insert, address.GrainId);
                    BindSilo(insert, address);
                    try
                    {
                        await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }
                    catch (DbException ex) when (_dialect.IsDuplicateKey(ex))
                    {
                        // Another registration won between the existence check and the insert: read it below.
                    }

                    return await ReadEntryAsync(commands, address.GrainId, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);

            // Null only if the winner was removed between the insert and the read (PostgreSQL runs them as two
            // statements): register again.
            if (holder is not null)
            {
                return holder;
            }
        }
    }

    public async Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _backend.Executor.ReadAsync(
            static (commands, state, ct) => state.Self.ReadEntryAsync(commands, state.GrainId, ct),
            (Self: this, GrainId: grainId),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> UnregisterAsync(GrainAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _backend.Executor.WriteAsync(
            async (commands, ct) =>
            {
                var delete = commands.Command(_dialect.UnregisterGrainSql);
                BindGrain(delete, address.GrainId);
                BindSilo(delete, address);
                return await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
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

    private static SqlGrainDirectory Create(string clusterId, SqlStorageOptions options, Func<SqlBackend> backend)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new SqlGrainDirectory(clusterId, options, backend());
    }

    private async ValueTask<GrainAddress?> ReadEntryAsync(SqlCommandSource commands, GrainId grainId, CancellationToken cancellationToken)
    {
        var command = commands.Command(_dialect.LookupGrainSql);
        BindGrain(command, grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new GrainAddress(grainId, new SiloAddress(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2)), reader.GetString(3));
    }

    private void BindGrain(DbCommand command, GrainId grainId)
    {
        _dialect.AddParameter(command, "@ClusterId", _clusterId);
        _dialect.AddParameter(command, "@GrainType", grainId.Type);
        _dialect.AddParameter(command, "@GrainKey", grainId.Key);
    }

    private void BindSilo(DbCommand command, GrainAddress address)
    {
        _dialect.AddParameter(command, "@Address", address.Silo.Host);
        _dialect.AddParameter(command, "@Port", address.Silo.Port);
        _dialect.AddParameter(command, "@Generation", address.Silo.Generation);
        _dialect.AddParameter(command, "@ActivationId", address.ActivationId);
    }
}
