using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Runtime;

namespace OrleansShop.Providers.Sqlite.Database;

/// <summary>The reminder table statements. Times are stored as UTC ticks, so they round-trip exactly.</summary>
internal static class ReminderStatements
{
    private const string Columns = "GrainId, ReminderName, StartAt, PeriodTicks, Version";

    private const string KeyPredicate = "ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName";

    private const string ReadGrainSql = $"SELECT {Columns} FROM OrleansShopReminders WHERE ServiceId = @ServiceId AND GrainId = @GrainId";

    private const string ReadRowSql = $"SELECT {Columns} FROM OrleansShopReminders WHERE {KeyPredicate}";

    // (begin, end] on the ring; when begin >= end the range wraps around through zero.
    private const string ReadRangeSql =
        $"SELECT {Columns} FROM OrleansShopReminders WHERE ServiceId = @ServiceId AND GrainHash > @Begin AND GrainHash <= @End";

    private const string ReadWrappedRangeSql =
        $"SELECT {Columns} FROM OrleansShopReminders WHERE ServiceId = @ServiceId AND (GrainHash > @Begin OR GrainHash <= @End)";

    private const string UpsertSql =
        "INSERT INTO OrleansShopReminders (ServiceId, GrainId, ReminderName, GrainHash, StartAt, PeriodTicks, Version) " +
        "VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartAt, @PeriodTicks, 1) " +
        "ON CONFLICT DO UPDATE SET StartAt = excluded.StartAt, PeriodTicks = excluded.PeriodTicks, Version = Version + 1 " +
        "RETURNING Version";

    private const string DeleteSql = $"DELETE FROM OrleansShopReminders WHERE {KeyPredicate} AND Version = @Version";

    private const string ClearSql = "DELETE FROM OrleansShopReminders WHERE ServiceId = @ServiceId";

    public static List<ReminderEntry> ReadGrain(SqliteCommandSource commands, string serviceId, GrainId grainId)
    {
        var command = commands.Command(ReadGrainSql);
        command.Parameters.AddWithValue("@ServiceId", serviceId);
        command.Parameters.AddWithValue("@GrainId", grainId.ToString());
        return ReadEntries(command);
    }

    public static List<ReminderEntry> ReadRange(SqliteCommandSource commands, string serviceId, uint begin, uint end)
    {
        var command = commands.Command(begin < end ? ReadRangeSql : ReadWrappedRangeSql);
        command.Parameters.AddWithValue("@ServiceId", serviceId);
        command.Parameters.AddWithValue("@Begin", (long)begin);
        command.Parameters.AddWithValue("@End", (long)end);
        return ReadEntries(command);
    }

    public static ReminderEntry? ReadRow(SqliteCommandSource commands, string serviceId, GrainId grainId, string reminderName)
    {
        var command = commands.Command(ReadRowSql);
        BindKey(command, serviceId, grainId, reminderName);
        var entries = ReadEntries(command);
        return entries.Count == 0 ? null : entries[0];
    }

    /// <summary>Inserts the reminder at version 1 or replaces it with the next version; returns that version.</summary>
    public static long Upsert(SqliteCommandSource commands, string serviceId, ReminderEntry entry)
    {
        var command = commands.Command(UpsertSql);
        BindKey(command, serviceId, entry.GrainId, entry.ReminderName);
        command.Parameters.AddWithValue("@GrainHash", (long)entry.GrainId.GetUniformHashCode());
        command.Parameters.AddWithValue("@StartAt", ToUtc(entry.StartAt).Ticks);
        command.Parameters.AddWithValue("@PeriodTicks", entry.Period.Ticks);
        return (long)command.ExecuteScalar()!;
    }

    public static bool Remove(SqliteCommandSource commands, string serviceId, GrainId grainId, string reminderName, long version)
    {
        var command = commands.Command(DeleteSql);
        BindKey(command, serviceId, grainId, reminderName);
        command.Parameters.AddWithValue("@Version", version);
        return command.ExecuteNonQuery() == 1;
    }

    public static int Clear(SqliteCommandSource commands, string serviceId)
    {
        var command = commands.Command(ClearSql);
        command.Parameters.AddWithValue("@ServiceId", serviceId);
        return command.ExecuteNonQuery();
    }

    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static void BindKey(SqliteCommand command, string serviceId, GrainId grainId, string reminderName)
    {
        command.Parameters.AddWithValue("@ServiceId", serviceId);
        command.Parameters.AddWithValue("@GrainId", grainId.ToString());
        command.Parameters.AddWithValue("@ReminderName", reminderName);
    }

    private static List<ReminderEntry> ReadEntries(SqliteCommand command)
    {
        var entries = new List<ReminderEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture),
                ReminderName = reader.GetString(1),
                StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                ETag = reader.GetInt64(4).ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        return entries;
    }
}
