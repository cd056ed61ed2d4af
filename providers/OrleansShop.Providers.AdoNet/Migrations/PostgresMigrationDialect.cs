using System.Data.Common;
using Npgsql;

namespace OrleansShop.Providers.AdoNet;

internal sealed class PostgresMigrationDialect : SchemaMigrationDialect
{
    // An arbitrary constant identifying "OrleansShop ADO.NET schema migration" among the database's advisory locks
    // (the bytes of "OSADOMIG"). Transaction-scoped: released by the commit or rollback of the script it guards.
    private const long LockKey = 0x4F5341444F4D4947;

    public override AdoNetDialect Dialect => AdoNetDialect.PostgreSql;

    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public override string VersionTableExistsSql => $"SELECT to_regclass('{VersionTable.ToLowerInvariant()}') IS NOT NULL";

    public override string CreateVersionTableSql => $"""
        CREATE TABLE IF NOT EXISTS {VersionTable}
        (
            Version   integer      NOT NULL PRIMARY KEY,
            Name      varchar(200) NOT NULL,
            AppliedOn timestamptz  NOT NULL DEFAULT now()
        )
        """;

    public override string AcquireLockSql => $"SELECT pg_advisory_xact_lock({LockKey})";
}
