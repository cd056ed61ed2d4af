namespace OrleansShop.Providers.Sqlite.Database;

/// <summary>
/// The tables grain storage and the reminder table keep in one file, created on first open. Each numbered step
/// runs once, recorded in OrleansShopSchemaVersion, in the same transaction as its tables, so a later version of
/// this provider adds steps and never edits applied ones.
/// </summary>
internal static class SqliteSchema
{
    private static readonly (int Version, string Description, string Sql)[] Steps =
    [
        (1, "grain state",
            """
            CREATE TABLE OrleansShopGrainState
            (
                ServiceId  TEXT    NOT NULL,
                GrainType  TEXT    NOT NULL,
                GrainId    TEXT    NOT NULL, -- GrainId.ToString(): type/key
                StateName  TEXT    NOT NULL,
                Payload    BLOB    NULL,     -- serialized state; NULL once cleared (the row keeps its rising version)
                Version    INTEGER NOT NULL, -- the ETag; every write and clear adds one
                ModifiedOn INTEGER NOT NULL, -- UTC, Unix milliseconds
                PRIMARY KEY (ServiceId, GrainType, GrainId, StateName)
            ) WITHOUT ROWID;
            """),
        (2, "reminders",
            """
            CREATE TABLE OrleansShopReminders
            (
                ServiceId     TEXT    NOT NULL,
                GrainId       TEXT    NOT NULL,
                ReminderName  TEXT    NOT NULL,
                GrainHash     INTEGER NOT NULL, -- GrainId.GetUniformHashCode(), for the ring-range reads of the reminder service
                StartAt       INTEGER NOT NULL, -- UTC ticks
                PeriodTicks   INTEGER NOT NULL,
                Version       INTEGER NOT NULL, -- the ETag
                PRIMARY KEY (ServiceId, GrainId, ReminderName)
            ) WITHOUT ROWID;
            CREATE INDEX IX_OrleansShopReminders_Hash ON OrleansShopReminders (ServiceId, GrainHash);
            """),
    ];

    /// <summary>Applies missing steps on the writer connection (BEGIN IMMEDIATE holds the file's one write lock).</summary>
    public static void Apply(SqliteCommandSource writer)
    {
        writer.Execute("BEGIN IMMEDIATE");
        try
        {
            writer.Execute(
                "CREATE TABLE IF NOT EXISTS OrleansShopSchemaVersion (Version INTEGER NOT NULL PRIMARY KEY, Description TEXT NOT NULL, AppliedOn INTEGER NOT NULL)");
            var applied = Convert.ToInt32(writer.Command("SELECT COALESCE(MAX(Version), 0) FROM OrleansShopSchemaVersion").ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (version, description, sql) in Steps)
            {
                if (version <= applied)
                {
                    continue;
                }

                writer.Execute(sql);
                var record = writer.Command("INSERT INTO OrleansShopSchemaVersion (Version, Description, AppliedOn) VALUES (@Version, @Description, @AppliedOn)");
                record.Parameters.AddWithValue("@Version", version);
                record.Parameters.AddWithValue("@Description", description);
                record.Parameters.AddWithValue("@AppliedOn", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                record.ExecuteNonQuery();
            }

            writer.Execute("COMMIT");
        }
        catch
        {
            writer.Execute("ROLLBACK");
            throw;
        }
    }
}
