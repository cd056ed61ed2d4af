using System.Data;
using System.Data.Common;
using OrleansShop.Runtime.Sql.Schema;

namespace OrleansShop.Runtime.Sql.Dialects;

internal sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    private SqliteDialect()
        : base("sqlite", "", "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')")
    {
        Scripts = SchemaScript.Load("Sqlite");
        InsertStateSql = OnConflictInsertStateSql();
        UpsertReminderSql = OnConflictUpsertReminderSql();
    }

    public override IReadOnlyList<SchemaScript> Scripts { get; }

    public override bool MembershipWritesBumpVersionSeparately => true;

    public override string InsertMembershipVersionSql =>
        $"INSERT INTO {MembershipVersionTable} (ClusterId, Version) VALUES (@ClusterId, 0) ON CONFLICT (ClusterId) DO NOTHING";

    public override string InsertMemberSql => $"INSERT INTO {MembershipTable} ({MemberColumns}) VALUES ({MemberValues})";

    public override string UpdateMemberSql =>
        $"UPDATE {MembershipTable} SET Status = @Status, SuspectTimes = @SuspectTimes WHERE {MemberKeyPredicate}";

    public override string InsertStateSql { get; }

    public override string UpsertReminderSql { get; }

    public override string CreateSchemaVersionTableSql =>
        $"CREATE TABLE IF NOT EXISTS {SchemaVersionTable} (Version INTEGER NOT NULL PRIMARY KEY, Description TEXT NOT NULL, AppliedOn TEXT NOT NULL)";

    public override string SchemaVersionTableExistsSql =>
        $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{SchemaVersionTable}'";

    // BEGIN IMMEDIATE (the provider's default transaction) already holds the one write lock of the file.
    public override string? MigrationLockSql => null;

    public override bool ReadsTextAsUtf8 => true;

    public override IsolationLevel MigrationIsolationLevel => IsolationLevel.Serializable;

    public override object ToDatabaseTime(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}
