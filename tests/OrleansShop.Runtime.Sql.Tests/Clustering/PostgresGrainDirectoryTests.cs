using OrleansShop.Testing;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

public sealed class PostgresGrainDirectoryTests(PostgresServerFixture server) : GrainDirectoryContract
{
    protected override SqlGrainDirectory NewDirectory(string clusterId) =>
        Track(SqlGrainDirectory.CreatePostgres(clusterId, new PostgresStorageOptions { ConnectionString = server.RequireServer() }));
}
