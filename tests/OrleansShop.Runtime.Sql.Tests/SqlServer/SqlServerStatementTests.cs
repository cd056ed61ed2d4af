using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Sql.Dialects;
using OrleansShop.Runtime.Sql.Execution;
using OrleansShop.Runtime.Sql.Tests.Support;

namespace OrleansShop.Runtime.Sql.Tests.SqlServer;

/// <summary>
/// No SQL Server can run here, so these check what the provider would send one: the scripts, the statement texts
/// and that every value travels as a typed parameter. Not verified against a server.
/// </summary>
public sealed partial class SqlServerStatementTests
{
    private const string Hostile = "x'; DROP TABLE dbo.OrleansShopGrainState; --";
    private static readonly SqlServerDialect s_dialect = SqlServerDialect.Instance;
    private static readonly TestCommandSource s_commands = new(() => new SqlCommand());
    private static readonly StateKey s_key = new("svc", "CartGrain", Hostile, "cart");

    [Fact]
    public void Schema_scripts_are_numbered_from_one_and_each_creates_its_table_only_when_missing()
    {
        var scripts = s_dialect.Scripts;

        Assert.Equal([1, 2, 3, 4], scripts.Select(s => s.Version));
        Assert.Equal(["grain state", "reminders", "membership", "grain directory"], scripts.Select(s => s.Description));
        Assert.Contains("IF OBJECT_ID(N'dbo.OrleansShopGrainState', N'U') IS NULL", scripts[0].Sql, StringComparison.Ordinal);
        Assert.Contains("IF OBJECT_ID(N'dbo.OrleansShopReminders', N'U') IS NULL", scripts[1].Sql, StringComparison.Ordinal);
        Assert.Contains("PRIMARY KEY NONCLUSTERED (ServiceId, GrainType, GrainKey, StateName)", scripts[0].Sql, StringComparison.Ordinal);
        Assert.Contains("Payload    NVARCHAR(MAX) NULL", scripts[0].Sql, StringComparison.Ordinal);
        Assert.Contains("IF OBJECT_ID(N'dbo.OrleansShopMembership', N'U') IS NULL", scripts[2].Sql, StringComparison.Ordinal);
        Assert.Contains("IF OBJECT_ID(N'dbo.OrleansShopMembershipVersion', N'U') IS NULL", scripts[2].Sql, StringComparison.Ordinal);
        Assert.Contains("IF OBJECT_ID(N'dbo.OrleansShopGrainDirectory', N'U') IS NULL", scripts[3].Sql, StringComparison.Ordinal);
        Assert.Contains("PRIMARY KEY NONCLUSTERED (ClusterId, GrainType, GrainKey)", scripts[3].Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("\nGO", string.Concat(scripts.Select(s => s.Sql)), StringComparison.Ordinal);
    }

    [Fact]
    public void Indexed_key_columns_fit_the_1700_byte_nonclustered_key_limit()
    {
        var bytes = 2 * (SqlStorageOptions.MaxServiceIdLength + StateKey.MaxGrainTypeLength + StateKey.MaxGrainKeyLength + StateKey.MaxNameLength);

        Assert.True(bytes <= 1700, $"{bytes} bytes");
        Assert.Contains($"GrainKey   NVARCHAR({StateKey.MaxGrainKeyLength})", s_dialect.Scripts[0].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Migration_takes_an_exclusive_application_lock_owned_by_its_transaction()
    {
        Assert.Contains("sp_getapplock", s_dialect.MigrationLockSql, StringComparison.Ordinal);
        Assert.Contains("@LockOwner = N'Transaction'", s_dialect.MigrationLockSql, StringComparison.Ordinal);
        Assert.Contains("IF OBJECT_ID(N'dbo.OrleansShopSchemaVersion', N'U') IS NULL CREATE TABLE", s_dialect.CreateSchemaVersionTableSql, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_with_etag_is_conditional_on_the_version_and_bumps_it()
    {
        var commands = new GrainStateCommands(s_dialect);

        var command = commands.PrepareWrite(s_commands, s_key, "{}", expectedVersion: 4);

        Assert.Equal(
            "UPDATE dbo.OrleansShopGrainState SET Payload = @Payload, Version = Version + 1, ModifiedOn = SYSUTCDATETIME() " +
            "WHERE ServiceId = @ServiceId AND GrainType = @GrainType AND GrainKey = @GrainKey AND StateName = @StateName AND Version = @Version",
            command.CommandText);
        Assert.Equal(4L, command.Parameters["@Version"].Value);
        AssertParameterized(command);
    }

    [Fact]
    public void Insert_without_etag_inserts_version_one_only_when_no_row_exists_under_a_range_lock()
    {
        var commands = new GrainStateCommands(s_dialect);

        var command = commands.PrepareWrite(s_commands, s_key, """{"owner":"a"}""", expectedVersion: null);

        Assert.StartsWith("INSERT INTO dbo.OrleansShopGrainState (ServiceId, GrainType, GrainKey, StateName, Payload, Version, ModifiedOn) SELECT", command.CommandText, StringComparison.Ordinal);
        Assert.Contains("@Payload, 1, SYSUTCDATETIME() WHERE NOT EXISTS (SELECT 1 FROM dbo.OrleansShopGrainState WITH (UPDLOCK, HOLDLOCK)", command.CommandText, StringComparison.Ordinal);
        Assert.False(command.Parameters.Contains("@Version"));
        AssertParameterized(command);
    }

    [Fact]
    public void Clear_nulls_the_payload_or_deletes_only_where_the_version_matches()
    {
        var commands = new GrainStateCommands(s_dialect);

        var clear = commands.PrepareClear(s_commands, s_key, 3, deleteRow: false);
        var delete = commands.PrepareClear(s_commands, s_key, 3, deleteRow: true);

        Assert.StartsWith("UPDATE dbo.OrleansShopGrainState SET Payload = NULL, Version = Version + 1", clear.CommandText, StringComparison.Ordinal);
        Assert.EndsWith("AND Version = @Version", clear.CommandText, StringComparison.Ordinal);
        Assert.StartsWith("DELETE FROM dbo.OrleansShopGrainState WHERE", delete.CommandText, StringComparison.Ordinal);
        Assert.EndsWith("AND Version = @Version", delete.CommandText, StringComparison.Ordinal);
        AssertParameterized(clear);
        AssertParameterized(delete);
    }

    [Fact]
    public void String_parameters_have_fixed_sizes_and_the_payload_is_nvarchar_max()
    {
        var command = new GrainStateCommands(s_dialect).PrepareWrite(s_commands, s_key, "{}", 1);

        var key = (SqlParameter)command.Parameters["@GrainKey"];
        var payload = (SqlParameter)command.Parameters["@Payload"];
        Assert.Equal(SqlDbType.NVarChar, key.SqlDbType);
        Assert.Equal(4000, key.Size);
        Assert.Equal(SqlDbType.NVarChar, payload.SqlDbType);
        Assert.Equal(-1, payload.Size);
        Assert.Equal(Hostile, key.Value);
    }

    [Fact]
    public void Reminder_upsert_updates_or_inserts_in_one_transaction_and_returns_the_new_version()
    {
        var commands = new ReminderCommands(s_dialect, "svc");
        var entry = new ReminderEntry(new GrainId("OrderGrain", Hostile), "expire", new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(1)), TimeSpan.FromMinutes(5));

        var upsert = commands.PrepareUpsert(s_commands, entry, expectedVersion: null);
        var update = commands.PrepareUpsert(s_commands, entry, expectedVersion: 2);
        var remove = commands.PrepareRemove(s_commands, entry.GrainId, "expire", 2);

        Assert.Contains("BEGIN TRANSACTION", upsert.CommandText, StringComparison.Ordinal);
        Assert.Contains("WITH (UPDLOCK, SERIALIZABLE)", upsert.CommandText, StringComparison.Ordinal);
        Assert.Contains("IF @@ROWCOUNT = 0", upsert.CommandText, StringComparison.Ordinal);
        Assert.EndsWith("COMMIT TRANSACTION; SELECT @NewVersion;", upsert.CommandText, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 1, 2, 2, 4, 5, 678, DateTimeKind.Utc), upsert.Parameters["@StartAt"].Value);
        Assert.Equal(300_000L, upsert.Parameters["@PeriodMilliseconds"].Value);
        Assert.EndsWith("AND Version = @Version", update.CommandText, StringComparison.Ordinal);
        Assert.EndsWith("AND Version = @Version", remove.CommandText, StringComparison.Ordinal);
        AssertParameterized(upsert, "@NewVersion");
        AssertParameterized(update);
        AssertParameterized(remove);
    }

    [Fact]
    public void Duplicate_key_errors_are_recognized_only_by_their_numbers()
    {
        Assert.False(s_dialect.IsDuplicateKey(new FakeDbException()));
    }

    [Fact]
    public void Creating_a_provider_validates_its_options_without_connecting()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => SqlGrainStorage.CreateSqlServer("store", new SqlServerStorageOptions()));
        var malformed = Assert.Throws<InvalidOperationException>(
            () => SqlGrainStorage.CreateSqlServer("store", new SqlServerStorageOptions { ConnectionString = "Server=x;Bogus Keyword=1" }));

        Assert.Contains(nameof(SqlServerStorageOptions.ConnectionString), missing.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(SqlServerStorageOptions.ConnectionString), malformed.Message, StringComparison.Ordinal);
        Assert.NotNull(SqlGrainStorage.CreateSqlServer("store", new SqlServerStorageOptions { ConnectionString = "Server=127.0.0.1,1;Database=shop;Connect Timeout=1" }));
        Assert.Equal(4, SqlSchemaMigrator.ForSqlServer(new SqlServerStorageOptions { ConnectionString = "Server=127.0.0.1,1" }).LatestVersion);
    }

    [Fact]
    public void Grain_registration_inserts_only_under_a_key_range_lock_held_from_the_check()
    {
        var register = s_dialect.RegisterGrainSql;

        Assert.Contains("WHERE NOT EXISTS (SELECT 1 FROM dbo.OrleansShopGrainDirectory WITH (UPDLOCK, HOLDLOCK)", register, StringComparison.Ordinal);
        Assert.DoesNotContain("ON CONFLICT", register, StringComparison.Ordinal);
        Assert.Contains("AND ActivationId = @ActivationId", s_dialect.UnregisterGrainSql, StringComparison.Ordinal);
    }

    [Fact]
    public void Membership_writes_bump_the_version_and_change_the_row_in_one_transaction()
    {
        foreach (var sql in new[] { s_dialect.InsertMemberSql, s_dialect.UpdateMemberSql })
        {
            Assert.StartsWith("SET NOCOUNT ON; SET XACT_ABORT ON; BEGIN TRANSACTION;", sql, StringComparison.Ordinal);
            Assert.Contains("UPDATE dbo.OrleansShopMembershipVersion SET Version = Version + 1 WHERE ClusterId = @ClusterId AND Version = @Version;", sql, StringComparison.Ordinal);
            Assert.Contains("IF @@ROWCOUNT = 1 BEGIN", sql, StringComparison.Ordinal);
            Assert.EndsWith("COMMIT TRANSACTION; SELECT @Done;", sql, StringComparison.Ordinal);
        }
    }

    /// <summary>Every @name in the text is a bound parameter, every parameter is used, and no value leaks into the text.</summary>
    private static void AssertParameterized(DbCommand command, params string[] declaredVariables)
    {
        var used = ParameterReference().Matches(command.CommandText).Select(m => m.Value).Where(n => !declaredVariables.Contains(n)).ToHashSet();
        var bound = command.Parameters.Cast<DbParameter>().Select(p => p.ParameterName).ToHashSet();

        Assert.Equal(used.Order(), bound.Order());
        Assert.DoesNotContain(Hostile, command.CommandText, StringComparison.Ordinal);
        Assert.DoesNotContain("'", command.CommandText.Replace("N'", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<![@\w])@\w+")]
    private static partial Regex ParameterReference();

    private sealed class FakeDbException : DbException;
}
