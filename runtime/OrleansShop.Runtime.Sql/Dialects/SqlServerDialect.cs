using System.Data;
using System.Data.Common;
using OrleansShop.Runtime.Sql.Schema;

namespace OrleansShop.Runtime.Sql.Dialects;

/// <summary>SQL Server and Azure SQL Database. Not verified against a server: its texts are tested, not executed.</summary>
internal sealed class SqlServerDialect : SqlDialect
{
    public static readonly SqlServerDialect Instance = new();

    private const int NVarCharParameterSize = 4000;

    private SqlServerDialect()
        : base("sqlserver", "dbo.", "SYSUTCDATETIME()")
    {
        Scripts = SchemaScript.Load("SqlServer");

        // UPDLOCK + HOLDLOCK holds a key-range lock from the existence check to the insert, so two inserters of the
        // same key serialize and the second inserts nothing (a unique violation is still treated as a lost race).
        InsertStateSql =
            $"INSERT INTO {StateTable} (ServiceId, GrainType, GrainKey, StateName, Payload, Version, ModifiedOn) " +
            $"SELECT @ServiceId, @GrainType, @GrainKey, @StateName, @Payload, 1, {UtcNow} " +
            $"WHERE NOT EXISTS (SELECT 1 FROM {StateTable} WITH (UPDLOCK, HOLDLOCK) " +
            "WHERE ServiceId = @ServiceId AND GrainType = @GrainType AND GrainKey = @GrainKey AND StateName = @StateName)";

        UpsertReminderSql =
            "SET NOCOUNT ON; SET XACT_ABORT ON; BEGIN TRANSACTION; DECLARE @NewVersion BIGINT; " +
            $"UPDATE {RemindersTable} WITH (UPDLOCK, SERIALIZABLE) SET StartAt = @StartAt, PeriodMilliseconds = @PeriodMilliseconds, " +
            $"@NewVersion = Version = Version + 1, ModifiedOn = {UtcNow} " +
            "WHERE ServiceId = @ServiceId AND GrainType = @GrainType AND GrainKey = @GrainKey AND ReminderName = @ReminderName; " +
            "IF @@ROWCOUNT = 0 BEGIN " +
            $"INSERT INTO {RemindersTable} (ServiceId, GrainType, GrainKey, ReminderName, StartAt, PeriodMilliseconds, Version, ModifiedOn) " +
            $"VALUES (@ServiceId, @GrainType, @GrainKey, @ReminderName, @StartAt, @PeriodMilliseconds, 1, {UtcNow}); " +
            "SET @NewVersion = 1; END; COMMIT TRANSACTION; SELECT @NewVersion;";
    }

    public override IReadOnlyList<SchemaScript> Scripts { get; }

    // As InsertStateSql: the key-range lock serializes two registrations of one grain; the second inserts nothing.
    public override string RegisterGrainSql =>
        $"INSERT INTO {GrainDirectoryTable} ({DirectoryColumns}) SELECT {DirectoryValues} " +
        $"WHERE NOT EXISTS (SELECT 1 FROM {GrainDirectoryTable} WITH (UPDLOCK, HOLDLOCK) WHERE {DirectoryKeyPredicate})";

    public override string InsertMembershipVersionSql =>
        $"INSERT INTO {MembershipVersionTable} (ClusterId, Version) SELECT @ClusterId, 0 " +
        $"WHERE NOT EXISTS (SELECT 1 FROM {MembershipVersionTable} WITH (UPDLOCK, HOLDLOCK) WHERE ClusterId = @ClusterId)";

    public override string InsertMemberSql => MemberWrite($"INSERT INTO {MembershipTable} ({MemberColumns}) VALUES ({MemberValues});");

    public override string UpdateMemberSql =>
        MemberWrite($"UPDATE {MembershipTable} SET Status = @Status, SuspectTimes = @SuspectTimes WHERE {MemberKeyPredicate};");

    // The version update holds the version row's lock to the commit, so the row change and the bump are one unit.
    private string MemberWrite(string rowStatement) =>
        "SET NOCOUNT ON; SET XACT_ABORT ON; BEGIN TRANSACTION; DECLARE @Done INT = 0; " +
        $"{BumpMembershipVersionSql}; " +
        $"IF @@ROWCOUNT = 1 BEGIN {rowStatement} SET @Done = @@ROWCOUNT; END; " +
        "COMMIT TRANSACTION; SELECT @Done;";

    public override string InsertStateSql { get; }

    public override string UpsertReminderSql { get; }

    public override string CreateSchemaVersionTableSql =>
        $"IF OBJECT_ID(N'{SchemaVersionTable}', N'U') IS NULL CREATE TABLE {SchemaVersionTable} " +
        "(Version INT NOT NULL CONSTRAINT PK_OrleansShopSchemaVersion PRIMARY KEY, Description NVARCHAR(200) NOT NULL, AppliedOn DATETIME2(3) NOT NULL)";

    public override string SchemaVersionTableExistsSql =>
        $"SELECT CASE WHEN OBJECT_ID(N'{SchemaVersionTable}', N'U') IS NULL THEN 0 ELSE 1 END";

    public override string? MigrationLockSql =>
        "DECLARE @LockResult INT; " +
        "EXEC @LockResult = sp_getapplock @Resource = N'OrleansShop.Schema', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 60000; " +
        "IF @LockResult < 0 THROW 50000, N'Could not take the OrleansShop schema migration lock within 60 seconds.', 1;";

    protected override void ConfigureParameter(DbParameter parameter)
    {
        if (parameter.Value is string)
        {
            // A fixed size keeps one cached plan per statement instead of one per distinct string length.
            parameter.DbType = DbType.String;
            parameter.Size = parameter.ParameterName == "@Payload" ? -1 : NVarCharParameterSize;
        }
    }

    public override object ToDatabaseTime(DateTimeOffset value) => value.UtcDateTime;

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    // 2627: PRIMARY KEY or UNIQUE constraint violation; 2601: duplicate key in a unique index.
    public override bool IsDuplicateKey(DbException exception) =>
        exception is Microsoft.Data.SqlClient.SqlException { Number: 2627 or 2601 };
}
