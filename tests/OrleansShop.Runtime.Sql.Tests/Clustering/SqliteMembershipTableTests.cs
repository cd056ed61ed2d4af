using OrleansShop.Runtime.Sql.Tests.Support;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

public sealed class SqliteMembershipTableTests : MembershipTableContract
{
    private readonly TemporaryDirectory _directory = new();

    protected override SqlMembershipTable NewTable(string clusterId) =>
        Track(SqlMembershipTable.CreateSqlite(clusterId, new SqliteStorageOptions { DataDirectory = _directory.Path, ReadConnections = 1 }));

    protected override ValueTask DisposeDatabaseAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
