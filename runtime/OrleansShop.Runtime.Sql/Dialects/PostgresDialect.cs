using System.Data.Common;
using OrleansShop.Runtime.Sql.Schema;

namespace OrleansShop.Runtime.Sql.Dialects;

internal sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    // An arbitrary application-wide key for pg_advisory_xact_lock: "OSSchema" as ASCII bytes.
    private const long MigrationLockKey = 0x4F53536368656D61;

    private PostgresDialect()
        : base("postgres", "", "now()")
    {
        Scripts = SchemaScript.Load("Postgres");
        InsertStateSql = OnConflictInsertStateSql();
        UpsertReminderSql = OnConflictUpsertReminderSql();
    }

    public override IReadOnlyList<SchemaScript> Scripts { get; }

    public override string InsertMembershipVersionSql =>
        $"INSERT INTO {MembershipVersionTable} (ClusterId, Version) VALUES (@ClusterId, 0) ON CONFLICT (ClusterId) DO NOTHING";

    // One statement: the version update and the row change commit together or not at all, and a concurrent writer
    // of the same version blocks on the version row, then finds it changed and updates nothing.
    public override string InsertMemberSql =>
        $"WITH bumped AS ({BumpMembershipVersionSql} RETURNING ClusterId) " +
        $"INSERT INTO {MembershipTable} ({MemberColumns}) SELECT {MemberValues} FROM bumped RETURNING 1";

    public override string UpdateMemberSql =>
        $"WITH bumped AS ({BumpMembershipVersionSql} RETURNING ClusterId) " +
        $"UPDATE {MembershipTable} SET Status = @Status, SuspectTimes = @SuspectTimes WHERE {MemberKeyPredicate} AND EXISTS (SELECT 1 FROM bumped) RETURNING 1";

    public override string InsertStateSql { get; }

    public override string UpsertReminderSql { get; }

    public override string CreateSchemaVersionTableSql =>
        $"CREATE TABLE IF NOT EXISTS {SchemaVersionTable} (Version integer NOT NULL PRIMARY KEY, Description text NOT NULL, AppliedOn timestamptz NOT NULL)";

    public override string SchemaVersionTableExistsSql =>
        $"SELECT CASE WHEN to_regclass('{SchemaVersionTable.ToLowerInvariant()}') IS NULL THEN 0 ELSE 1 END";

    // Taken before the version table is even created: concurrent CREATE TABLE IF NOT EXISTS can fail in PostgreSQL.
    public override string? MigrationLockSql => $"SELECT pg_advisory_xact_lock({MigrationLockKey})";

    public override object ToDatabaseTime(DateTimeOffset value) => value.UtcDateTime;

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    public override bool IsDuplicateKey(DbException exception) =>
        exception is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };
}
