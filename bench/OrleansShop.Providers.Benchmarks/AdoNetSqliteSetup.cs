using Microsoft.Data.Sqlite;

namespace OrleansShop.Providers.Benchmarks;

/// <summary>
/// Prepares a SQLite file for Orleans' ADO.NET grain storage (invariant "System.Data.SQLite", which Orleans maps to
/// Microsoft.Data.Sqlite). Orleans reads its statements from an OrleansQuery table by key (WriteToStorageKey,
/// ReadFromStorageKey, ClearStorageKey) and binds fixed parameter names; the table and statements below are ours,
/// written to that contract. Tuned: WAL journal (persistent in the file), synchronous=NORMAL set by every write
/// statement on its pooled connection (the connection string cannot set it), IS for the nullable key column so the index is used.
/// </summary>
internal static class AdoNetSqliteSetup
{
    private const string Key =
        "GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 " +
        "AND GrainTypeString = @GrainTypeString AND GrainIdExtensionString IS @GrainIdExtensionString AND ServiceId = @ServiceId";

    // Returns no row (a pragma that reports a value would be read as the statement's result). The busy timeout
    // comes from the connection string's Default Timeout.
    private const string Pragmas = "PRAGMA synchronous = NORMAL;";

    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 10 }.ToString();

    public static void Create(string path)
    {
        using var connection = new SqliteConnection(ConnectionString(path));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            PRAGMA journal_mode = WAL;
            CREATE TABLE OrleansQuery (QueryKey TEXT NOT NULL PRIMARY KEY, QueryText TEXT NOT NULL);
            CREATE TABLE OrleansStorage
            (
                GrainIdHash            INTEGER NOT NULL,
                GrainIdN0              INTEGER NOT NULL,
                GrainIdN1              INTEGER NOT NULL,
                GrainTypeHash          INTEGER NOT NULL,
                GrainTypeString        TEXT    NOT NULL,
                GrainIdExtensionString TEXT    NULL,
                ServiceId              TEXT    NOT NULL,
                PayloadBinary          BLOB    NULL,
                ModifiedOn             TEXT    NOT NULL,
                Version                INTEGER NULL
            );
            CREATE INDEX IX_OrleansStorage_Hashes ON OrleansStorage (GrainIdHash, GrainTypeHash);
            INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES (@ReadKey, @Read), (@WriteKey, @Write), (@ClearKey, @Clear);
            """;
        command.Parameters.AddWithValue("@ReadKey", "ReadFromStorageKey");
        command.Parameters.AddWithValue("@Read", $"SELECT PayloadBinary, Version FROM OrleansStorage WHERE {Key} LIMIT 1;");
        command.Parameters.AddWithValue("@WriteKey", "WriteToStorageKey");
        // Either the version the grain holds is replaced (UPDATE), or, when it holds none and no row exists, version
        // 1 is inserted; each returns the new version, and a conflict returns no row (Orleans then throws).
        command.Parameters.AddWithValue("@Write",
            $"{Pragmas} " +
            $"UPDATE OrleansStorage SET PayloadBinary = @PayloadBinary, ModifiedOn = datetime('now'), Version = Version + 1 WHERE {Key} AND Version = @GrainStateVersion RETURNING Version AS NewGrainStateVersion; " +
            "INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version) " +
            "SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @PayloadBinary, datetime('now'), 1 " +
            $"WHERE @GrainStateVersion IS NULL AND NOT EXISTS (SELECT 1 FROM OrleansStorage WHERE {Key}) RETURNING Version AS NewGrainStateVersion;");
        command.Parameters.AddWithValue("@ClearKey", "ClearStorageKey");
        command.Parameters.AddWithValue("@Clear",
            $"{Pragmas} UPDATE OrleansStorage SET PayloadBinary = NULL, ModifiedOn = datetime('now'), Version = Version + 1 WHERE {Key} AND Version = @GrainStateVersion RETURNING Version AS NewGrainStateVersion;");
        command.ExecuteNonQuery();
    }
}
