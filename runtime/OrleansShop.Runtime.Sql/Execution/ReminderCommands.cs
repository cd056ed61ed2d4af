using System.Data.Common;
using System.Globalization;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Sql.Dialects;

namespace OrleansShop.Runtime.Sql.Execution;

/// <summary>The reminder statements of one dialect. Times are stored to the millisecond, in UTC.</summary>
internal sealed class ReminderCommands(SqlDialect dialect, string serviceId)
{
    public async ValueTask<IReadOnlyList<ReminderEntry>> ReadAllAsync(SqlCommandSource commands, CancellationToken cancellationToken)
    {
        var command = commands.Command(dialect.ReadAllRemindersSql);
        dialect.AddParameter(command, "@ServiceId", serviceId);
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<ReminderEntry>> ReadRowsAsync(SqlCommandSource commands, GrainId grainId, CancellationToken cancellationToken)
    {
        var command = commands.Command(dialect.ReadGrainRemindersSql);
        dialect.AddParameter(command, "@ServiceId", serviceId);
        dialect.AddParameter(command, "@GrainType", grainId.Type);
        dialect.AddParameter(command, "@GrainKey", grainId.Key);
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<ReminderEntry?> ReadRowAsync(SqlCommandSource commands, GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var command = commands.Command(dialect.ReadReminderSql);
        BindKey(command, grainId, reminderName);
        var entries = await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
        return entries.Count == 0 ? null : entries[0];
    }

    /// <summary>
    /// Without an ETag, inserts or replaces; with one, replaces only that version. Returns the new version, or on
    /// conflict the version found (null when the reminder is gone).
    /// </summary>
    public async ValueTask<ConditionalWriteResult> UpsertAsync(SqlCommandSource commands, ReminderEntry entry, long? expectedVersion, CancellationToken cancellationToken)
    {
        var command = PrepareUpsert(commands, entry, expectedVersion);
        if (expectedVersion is null)
        {
            var version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return ConditionalWriteResult.Success(Convert.ToInt64(version, CultureInfo.InvariantCulture));
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
        {
            return ConditionalWriteResult.Success(expectedVersion.Value + 1);
        }

        var stored = await ReadRowAsync(commands, entry.GrainId, entry.ReminderName, cancellationToken).ConfigureAwait(false);
        return ConditionalWriteResult.Conflict(stored is null ? null : long.Parse(stored.ETag!, CultureInfo.InvariantCulture));
    }

    public async ValueTask<bool> RemoveAsync(SqlCommandSource commands, GrainId grainId, string reminderName, long expectedVersion, CancellationToken cancellationToken)
    {
        var command = PrepareRemove(commands, grainId, reminderName, expectedVersion);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public DbCommand PrepareUpsert(SqlCommandSource commands, ReminderEntry entry, long? expectedVersion)
    {
        var command = commands.Command(expectedVersion is null ? dialect.UpsertReminderSql : dialect.UpdateReminderSql);
        BindKey(command, entry.GrainId, entry.ReminderName);
        dialect.AddParameter(command, "@StartAt", dialect.ToDatabaseTime(TruncateToMilliseconds(entry.StartAt)));
        dialect.AddParameter(command, "@PeriodMilliseconds", (long)entry.Period.TotalMilliseconds);
        if (expectedVersion is not null)
        {
            dialect.AddParameter(command, "@Version", expectedVersion.Value);
        }

        return command;
    }

    public DbCommand PrepareRemove(SqlCommandSource commands, GrainId grainId, string reminderName, long expectedVersion)
    {
        var command = commands.Command(dialect.DeleteReminderSql);
        BindKey(command, grainId, reminderName);
        dialect.AddParameter(command, "@Version", expectedVersion);
        return command;
    }

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value)
    {
        var utcTicks = value.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    private void BindKey(DbCommand command, GrainId grainId, string reminderName)
    {
        dialect.AddParameter(command, "@ServiceId", serviceId);
        dialect.AddParameter(command, "@GrainType", grainId.Type);
        dialect.AddParameter(command, "@GrainKey", grainId.Key);
        dialect.AddParameter(command, "@ReminderName", reminderName);
    }

    private async ValueTask<List<ReminderEntry>> ReadEntriesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                dialect.ReadTime(reader, 3),
                TimeSpan.FromMilliseconds(reader.GetInt64(4)),
                reader.GetInt64(5).ToString(CultureInfo.InvariantCulture)));
        }

        return entries;
    }
}
