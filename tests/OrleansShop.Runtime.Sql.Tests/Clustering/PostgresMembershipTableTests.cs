using OrleansShop.Testing;

namespace OrleansShop.Runtime.Sql.Tests.Clustering;

public sealed class PostgresMembershipTableTests(PostgresServerFixture server) : MembershipTableContract
{
    protected override SqlMembershipTable NewTable(string clusterId) =>
        Track(SqlMembershipTable.CreatePostgres(clusterId, new PostgresStorageOptions { ConnectionString = server.RequireServer() }));
}
