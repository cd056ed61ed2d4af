using OrleansShop.Runtime.Sql.Tests.Support;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

public sealed class SqliteGrainDirectoryTests : GrainDirectoryContract
{
    private readonly TemporaryDirectory _directory = new();

    protected override SqlGrainDirectory NewDirectory(string clusterId) =>
        Track(SqlGrainDirectory.CreateSqlite(clusterId, new SqliteStorageOptions { DataDirectory = _directory.Path, ReadConnections = 1 }));

    protected override ValueTask DisposeDatabaseAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
