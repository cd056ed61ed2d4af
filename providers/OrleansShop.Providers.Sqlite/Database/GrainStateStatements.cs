using Microsoft.Data.Sqlite;

namespace OrleansShop.Providers.Sqlite.Database;

/// <summary>
/// The grain state statements. Every write is conditional on the version the caller holds: a write that finds
/// another version changes nothing and reports the version it found. Run inside the writer's transaction, so the
/// follow-up read of a conflict sees the same snapshot as the failed statement.
/// </summary>
internal static class GrainStateStatements
{
    private const string KeyPredicate = "ServiceId = @ServiceId AND GrainType = @GrainType AND GrainId = @GrainId AND StateName = @StateName";

    private const string ReadSql = $"SELECT Payload, Version FROM OrleansShopGrainState WHERE {KeyPredicate}";

    private const string InsertSql =
        "INSERT INTO OrleansShopGrainState (ServiceId, GrainType, GrainId, StateName, Payload, Version, ModifiedOn) " +
        "VALUES (@ServiceId, @GrainType, @GrainId, @StateName, @Payload, 1, @Now) ON CONFLICT DO NOTHING";

    private const string UpdateSql =
        $"UPDATE OrleansShopGrainState SET Payload = @Payload, Version = Version + 1, ModifiedOn = @Now WHERE {KeyPredicate} AND Version = @Version";

    private const string ClearSql =
        $"UPDATE OrleansShopGrainState SET Payload = NULL, Version = Version + 1, ModifiedOn = @Now WHERE {KeyPredicate} AND Version = @Version";

    private const string DeleteSql = $"DELETE FROM OrleansShopGrainState WHERE {KeyPredicate} AND Version = @Version";

    public static StoredGrainState? Read(SqliteCommandSource commands, in GrainStateKey key)
    {
        var command = commands.Command(ReadSql);
        BindKey(command, key);
        using var reader = command.ExecuteReader(System.Data.CommandBehavior.SingleRow);
        if (!reader.Read())
        {
            return null;
        }

        return new StoredGrainState(reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0), reader.GetInt64(1));
    }

    /// <summary>Inserts version 1 when the caller holds no version, else replaces exactly the version it holds.</summary>
    public static GrainStateWriteResult Write(SqliteCommandSource commands, in GrainStateKey key, byte[] payload, long? expectedVersion)
    {
        var command = commands.Command(expectedVersion is null ? InsertSql : UpdateSql);
        BindKey(command, key);
        command.Parameters.AddWithValue("@Payload", payload);
        command.Parameters.AddWithValue("@Now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        if (expectedVersion is { } version)
        {
            command.Parameters.AddWithValue("@Version", version);
        }

        return command.ExecuteNonQuery() == 1
            ? GrainStateWriteResult.Success(expectedVersion + 1 ?? 1)
            : GrainStateWriteResult.Conflict(Read(commands, key)?.Version);
    }

    /// <summary>Clears (or deletes) exactly the version the caller holds; holding none succeeds only where no row exists.</summary>
    public static GrainStateWriteResult Clear(SqliteCommandSource commands, in GrainStateKey key, long? expectedVersion, bool deleteRow)
    {
        if (expectedVersion is not { } version)
        {
            var stored = Read(commands, key);
            return stored is null ? GrainStateWriteResult.Success(null) : GrainStateWriteResult.Conflict(stored.Value.Version);
        }

        var command = commands.Command(deleteRow ? DeleteSql : ClearSql);
        BindKey(command, key);
        command.Parameters.AddWithValue("@Version", version);
        if (!deleteRow)
        {
            command.Parameters.AddWithValue("@Now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }

        return command.ExecuteNonQuery() == 1
            ? GrainStateWriteResult.Success(deleteRow ? null : version + 1)
            : GrainStateWriteResult.Conflict(Read(commands, key)?.Version);
    }

    private static void BindKey(SqliteCommand command, in GrainStateKey key)
    {
        command.Parameters.AddWithValue("@ServiceId", key.ServiceId);
        command.Parameters.AddWithValue("@GrainType", key.GrainType);
        command.Parameters.AddWithValue("@GrainId", key.GrainId);
        command.Parameters.AddWithValue("@StateName", key.StateName);
    }
}
