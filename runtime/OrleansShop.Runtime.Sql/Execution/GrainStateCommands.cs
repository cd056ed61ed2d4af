using System.Data;
using System.Data.Common;
using OrleansShop.Runtime.Sql.Dialects;

namespace OrleansShop.Runtime.Sql.Execution;

/// <summary>
/// The grain state statements of one dialect: how each is bound and what its affected row count means.
/// Every write is conditional; a write that finds another version than expected changes nothing and reports the
/// version it found.
/// </summary>
internal sealed class GrainStateCommands(SqlDialect dialect)
{
    public SqlDialect Dialect => dialect;

    public async ValueTask<StoredState?> ReadAsync(SqlCommandSource commands, StateKey key, CancellationToken cancellationToken)
    {
        var command = PrepareRead(commands, key);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var version = reader.GetInt64(1);
        if (reader.IsDBNull(0))
        {
            return new StoredState(null, null, version);
        }

        // SQLite stores the JSON as UTF-8: taking those bytes skips decoding to a string and re-encoding to parse it.
        return dialect.ReadsTextAsUtf8
            ? new StoredState(null, reader.GetFieldValue<byte[]>(0), version)
            : new StoredState(reader.GetString(0), null, version);
    }

    public async ValueTask<ConditionalWriteResult> WriteAsync(
        SqlCommandSource commands, StateKey key, string payload, long? expectedVersion, CancellationToken cancellationToken)
    {
        var command = PrepareWrite(commands, key, payload, expectedVersion);
        int affected;
        try
        {
            affected = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex) when (expectedVersion is null && dialect.IsDuplicateKey(ex))
        {
            affected = 0;
        }

        if (affected == 1)
        {
            return ConditionalWriteResult.Success(expectedVersion + 1 ?? 1);
        }

        return ConditionalWriteResult.Conflict(await ReadVersionAsync(commands, key, cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask<ConditionalWriteResult> ClearAsync(
        SqlCommandSource commands, StateKey key, long? expectedVersion, bool deleteRow, CancellationToken cancellationToken)
    {
        if (expectedVersion is null)
        {
            // The caller believes there is no row: that holds (nothing to clear) or it is stale.
            var stored = await ReadVersionAsync(commands, key, cancellationToken).ConfigureAwait(false);
            return stored is null ? ConditionalWriteResult.Success(null) : ConditionalWriteResult.Conflict(stored);
        }

        var command = PrepareClear(commands, key, expectedVersion.Value, deleteRow);
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
        {
            return ConditionalWriteResult.Success(deleteRow ? null : expectedVersion + 1);
        }

        return ConditionalWriteResult.Conflict(await ReadVersionAsync(commands, key, cancellationToken).ConfigureAwait(false));
    }

    public DbCommand PrepareRead(SqlCommandSource commands, StateKey key)
    {
        var command = commands.Command(dialect.ReadStateSql);
        BindKey(command, key);
        return command;
    }

    public DbCommand PrepareWrite(SqlCommandSource commands, StateKey key, string payload, long? expectedVersion)
    {
        var command = commands.Command(expectedVersion is null ? dialect.InsertStateSql : dialect.UpdateStateSql);
        BindKey(command, key);
        dialect.AddParameter(command, "@Payload", payload);
        if (expectedVersion is not null)
        {
            dialect.AddParameter(command, "@Version", expectedVersion.Value);
        }

        return command;
    }

    public DbCommand PrepareClear(SqlCommandSource commands, StateKey key, long expectedVersion, bool deleteRow)
    {
        var command = commands.Command(deleteRow ? dialect.DeleteStateSql : dialect.ClearStateSql);
        BindKey(command, key);
        dialect.AddParameter(command, "@Version", expectedVersion);
        return command;
    }

    private async ValueTask<long?> ReadVersionAsync(SqlCommandSource commands, StateKey key, CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(commands, key, cancellationToken).ConfigureAwait(false);
        return stored?.Version;
    }

    private void BindKey(DbCommand command, StateKey key)
    {
        dialect.AddParameter(command, "@ServiceId", key.ServiceId);
        dialect.AddParameter(command, "@GrainType", key.GrainType);
        dialect.AddParameter(command, "@GrainKey", key.GrainKey);
        dialect.AddParameter(command, "@StateName", key.StateName);
    }
}
