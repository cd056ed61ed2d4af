using System.Data;
using System.Data.Common;
using OrleansShop.Runtime.Sql.Schema;

namespace OrleansShop.Runtime.Sql.Dialects;

/// <summary>
/// Everything that differs between SQL engines: schema scripts, statement texts and value conversions. Statements
/// that standard SQL expresses the same way everywhere are built here once; each dialect supplies the rest.
/// All values travel as parameters; no statement text ever contains a caller's value.
/// </summary>
internal abstract class SqlDialect
{
    private const string StateKeyPredicate =
        "ServiceId = @ServiceId AND GrainType = @GrainType AND GrainKey = @GrainKey AND StateName = @StateName";

    private const string ReminderKeyPredicate =
        "ServiceId = @ServiceId AND GrainType = @GrainType AND GrainKey = @GrainKey AND ReminderName = @ReminderName";

    /// <summary>The key of one silo incarnation's membership row.</summary>
    protected const string MemberKeyPredicate =
        "ClusterId = @ClusterId AND Address = @Address AND Port = @Port AND Generation = @Generation";

    protected const string MemberColumns =
        "ClusterId, Address, Port, Generation, SiloName, HostName, Status, SuspectTimes, StartTime, IAmAliveTime";

    protected const string MemberValues =
        "@ClusterId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @SuspectTimes, @StartTime, @IAmAliveTime";

    /// <summary>The key of one grain's directory entry.</summary>
    protected const string DirectoryKeyPredicate = "ClusterId = @ClusterId AND GrainType = @GrainType AND GrainKey = @GrainKey";

    protected const string DirectoryColumns = "ClusterId, GrainType, GrainKey, Address, Port, Generation, ActivationId";

    protected const string DirectoryValues = "@ClusterId, @GrainType, @GrainKey, @Address, @Port, @Generation, @ActivationId";

    private const string ReminderColumns = "GrainType, GrainKey, ReminderName, StartAt, PeriodMilliseconds, Version";

    protected SqlDialect(string name, string tablePrefix, string utcNow)
    {
        Name = name;
        StateTable = tablePrefix + "OrleansShopGrainState";
        RemindersTable = tablePrefix + "OrleansShopReminders";
        SchemaVersionTable = tablePrefix + "OrleansShopSchemaVersion";
        MembershipTable = tablePrefix + "OrleansShopMembership";
        MembershipVersionTable = tablePrefix + "OrleansShopMembershipVersion";
        GrainDirectoryTable = tablePrefix + "OrleansShopGrainDirectory";
        UtcNow = utcNow;

        ReadStateSql = $"SELECT Payload, Version FROM {StateTable} WHERE {StateKeyPredicate}";
        UpdateStateSql =
            $"UPDATE {StateTable} SET Payload = @Payload, Version = Version + 1, ModifiedOn = {utcNow} WHERE {StateKeyPredicate} AND Version = @Version";
        ClearStateSql =
            $"UPDATE {StateTable} SET Payload = NULL, Version = Version + 1, ModifiedOn = {utcNow} WHERE {StateKeyPredicate} AND Version = @Version";
        DeleteStateSql = $"DELETE FROM {StateTable} WHERE {StateKeyPredicate} AND Version = @Version";

        ReadAllRemindersSql = $"SELECT {ReminderColumns} FROM {RemindersTable} WHERE ServiceId = @ServiceId";
        ReadGrainRemindersSql = $"{ReadAllRemindersSql} AND GrainType = @GrainType AND GrainKey = @GrainKey";
        ReadReminderSql = $"SELECT {ReminderColumns} FROM {RemindersTable} WHERE {ReminderKeyPredicate}";
        UpdateReminderSql =
            $"UPDATE {RemindersTable} SET StartAt = @StartAt, PeriodMilliseconds = @PeriodMilliseconds, Version = Version + 1, ModifiedOn = {utcNow} WHERE {ReminderKeyPredicate} AND Version = @Version";
        DeleteReminderSql = $"DELETE FROM {RemindersTable} WHERE {ReminderKeyPredicate} AND Version = @Version";

        ReadMembershipSql =
            $"SELECT v.Version, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.SuspectTimes, m.StartTime, m.IAmAliveTime " +
            $"FROM {MembershipVersionTable} v LEFT JOIN {MembershipTable} m ON m.ClusterId = v.ClusterId WHERE v.ClusterId = @ClusterId";
        UpdateIAmAliveSql = $"UPDATE {MembershipTable} SET IAmAliveTime = @IAmAliveTime WHERE {MemberKeyPredicate}";
        BumpMembershipVersionSql = $"UPDATE {MembershipVersionTable} SET Version = Version + 1 WHERE ClusterId = @ClusterId AND Version = @Version";

        LookupGrainSql = $"SELECT Address, Port, Generation, ActivationId FROM {GrainDirectoryTable} WHERE {DirectoryKeyPredicate}";
        UnregisterGrainSql =
            $"DELETE FROM {GrainDirectoryTable} WHERE {DirectoryKeyPredicate} " +
            "AND Address = @Address AND Port = @Port AND Generation = @Generation AND ActivationId = @ActivationId";

        ReadSchemaVersionSql = $"SELECT COALESCE(MAX(Version), 0) FROM {SchemaVersionTable}";
        InsertSchemaVersionSql =
            $"INSERT INTO {SchemaVersionTable} (Version, Description, AppliedOn) VALUES (@Version, @Description, {utcNow})";
    }

    /// <summary>The dialect's name in metrics and messages: sqlite, postgres, sqlserver.</summary>
    public string Name { get; }

    public string StateTable { get; }

    public string RemindersTable { get; }

    public string SchemaVersionTable { get; }

    public string MembershipTable { get; }

    public string MembershipVersionTable { get; }

    /// <summary>The cluster's version and all its rows in one statement (one snapshot); no rows when the version row is missing.</summary>
    public string ReadMembershipSql { get; }

    public string UpdateIAmAliveSql { get; }

    /// <summary>
    /// The version compare-and-swap on its own, for a dialect whose membership writes run it first in the same
    /// transaction (<see cref="MembershipWritesBumpVersionSeparately"/>).
    /// </summary>
    public string BumpMembershipVersionSql { get; }

    /// <summary>
    /// When true, a membership write is <see cref="BumpMembershipVersionSql"/> then the plain row statement, in one
    /// transaction the executor provides (SQLite's writer). Otherwise the row statements below do both in one
    /// statement and return 1 as a scalar when the version matched.
    /// </summary>
    public virtual bool MembershipWritesBumpVersionSeparately => false;

    /// <summary>Creates the cluster's version row at version 0 if missing.</summary>
    public abstract string InsertMembershipVersionSql { get; }

    /// <summary>Inserts a silo's row (and bumps the version) only if the version is still @Version.</summary>
    public abstract string InsertMemberSql { get; }

    /// <summary>Replaces a silo's status and votes (and bumps the version) only if the version is still @Version.</summary>
    public abstract string UpdateMemberSql { get; }

    public string GrainDirectoryTable { get; }

    /// <summary>A grain's directory entry: Address, Port, Generation, ActivationId; no row when it has none.</summary>
    public string LookupGrainSql { get; }

    /// <summary>Deletes a grain's directory entry only if it is still exactly the given silo incarnation and activation.</summary>
    public string UnregisterGrainSql { get; }

    /// <summary>Inserts a grain's directory entry unless it has one (SQLite and PostgreSQL spell it alike).</summary>
    public virtual string RegisterGrainSql =>
        $"INSERT INTO {GrainDirectoryTable} ({DirectoryColumns}) VALUES ({DirectoryValues}) ON CONFLICT (ClusterId, GrainType, GrainKey) DO NOTHING";

    /// <summary>The expression for the current UTC time in this dialect.</summary>
    public string UtcNow { get; }

    /// <summary>Insert-if-absent of a state row with <c>ON CONFLICT DO NOTHING</c> (SQLite and PostgreSQL spell it alike).</summary>
    protected string OnConflictInsertStateSql() =>
        $"INSERT INTO {StateTable} (ServiceId, GrainType, GrainKey, StateName, Payload, Version, ModifiedOn) " +
        $"VALUES (@ServiceId, @GrainType, @GrainKey, @StateName, @Payload, 1, {UtcNow}) " +
        "ON CONFLICT (ServiceId, GrainType, GrainKey, StateName) DO NOTHING";

    /// <summary>Reminder upsert with <c>ON CONFLICT DO UPDATE ... RETURNING</c> (SQLite and PostgreSQL spell it alike).</summary>
    protected string OnConflictUpsertReminderSql() =>
        $"INSERT INTO {RemindersTable} (ServiceId, GrainType, GrainKey, ReminderName, StartAt, PeriodMilliseconds, Version, ModifiedOn) " +
        $"VALUES (@ServiceId, @GrainType, @GrainKey, @ReminderName, @StartAt, @PeriodMilliseconds, 1, {UtcNow}) " +
        "ON CONFLICT (ServiceId, GrainType, GrainKey, ReminderName) DO UPDATE SET StartAt = excluded.StartAt, " +
        $"PeriodMilliseconds = excluded.PeriodMilliseconds, Version = {RemindersTable}.Version + 1, ModifiedOn = excluded.ModifiedOn " +
        "RETURNING Version";

    public abstract IReadOnlyList<SchemaScript> Scripts { get; }

    public string ReadStateSql { get; }

    /// <summary>Replaces the payload only where the version matches, and bumps the version.</summary>
    public string UpdateStateSql { get; }

    /// <summary>Inserts version 1 only where no row exists; affects no row otherwise (never throws for an existing row).</summary>
    public abstract string InsertStateSql { get; }

    /// <summary>Nulls the payload where the version matches, and bumps the version.</summary>
    public string ClearStateSql { get; }

    public string DeleteStateSql { get; }

    public string ReadAllRemindersSql { get; }

    public string ReadGrainRemindersSql { get; }

    public string ReadReminderSql { get; }

    /// <summary>Inserts the reminder at version 1 or replaces it and bumps its version; returns the new version as a scalar.</summary>
    public abstract string UpsertReminderSql { get; }

    public string UpdateReminderSql { get; }

    public string DeleteReminderSql { get; }

    /// <summary>Creates the table recording applied schema versions, if missing.</summary>
    public abstract string CreateSchemaVersionTableSql { get; }

    /// <summary>Returns 1 when the schema version table exists, else 0.</summary>
    public abstract string SchemaVersionTableExistsSql { get; }

    /// <summary>
    /// Serializes migrations across processes within the migration's transaction; null when beginning the
    /// transaction already takes the database's write lock (SQLite).
    /// </summary>
    public abstract string? MigrationLockSql { get; }

    public string ReadSchemaVersionSql { get; }

    public string InsertSchemaVersionSql { get; }

    public void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        ConfigureParameter(parameter);
        command.Parameters.Add(parameter);
    }

    /// <summary>Sets type details the driver cannot infer well from the value alone.</summary>
    protected virtual void ConfigureParameter(DbParameter parameter)
    {
    }

    /// <summary>The database value for a reminder's start time (already truncated to milliseconds, UTC).</summary>
    public abstract object ToDatabaseTime(DateTimeOffset value);

    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>Whether the exception is a unique-key violation (an insert race another writer won).</summary>
    public virtual bool IsDuplicateKey(DbException exception) => false;

    public virtual IsolationLevel MigrationIsolationLevel => IsolationLevel.ReadCommitted;

    /// <summary>Whether the driver returns a text column's UTF-8 bytes as stored (as byte[]) without decoding them.</summary>
    public virtual bool ReadsTextAsUtf8 => false;
}
