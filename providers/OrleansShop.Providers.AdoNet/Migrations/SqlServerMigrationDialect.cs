using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace OrleansShop.Providers.AdoNet;

internal sealed class SqlServerMigrationDialect : SchemaMigrationDialect
{
    public override AdoNetDialect Dialect => AdoNetDialect.SqlServer;

    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public override string VersionTableExistsSql =>
        $"SELECT CASE WHEN OBJECT_ID(N'{VersionTable}', N'U') IS NULL THEN 0 ELSE 1 END";

    public override string CreateVersionTableSql => $"""
        IF OBJECT_ID(N'{VersionTable}', N'U') IS NULL
        CREATE TABLE {VersionTable}
        (
            Version   INT           NOT NULL PRIMARY KEY,
            Name      NVARCHAR(200) NOT NULL,
            AppliedOn DATETIME2(3)  NOT NULL DEFAULT SYSUTCDATETIME()
        );
        """;

    // An application lock owned by the transaction: released by its commit or rollback. A negative result means the
    // lock was not granted (timeout, deadlock victim), and the script must not run.
    public override string AcquireLockSql => """
        DECLARE @LockResult INT;
        EXEC @LockResult = sp_getapplock
            @Resource = N'OrleansShop.Providers.AdoNet.SchemaMigration',
            @LockMode = N'Exclusive',
            @LockOwner = N'Transaction',
            @LockTimeout = 110000;
        IF @LockResult < 0
            THROW 51000, N'Could not take the OrleansShop schema migration lock.', 1;
        """;
}
