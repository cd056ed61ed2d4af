using Npgsql;
using OrleansShop.Testing;

namespace OrleansShop.Runtime.Sql.Tests.Postgres;

/// <summary>The storage contract against a real PostgreSQL server; each test uses its own service id.</summary>
public sealed class PostgresGrainStorageTests(PostgresServerFixture server) : GrainStorageContract
{
    private readonly string _serviceId = "t" + Guid.NewGuid().ToString("N");

    protected override SqlGrainStorage NewProvider(Action<SqlStorageOptions>? configure = null)
    {
        var options = new PostgresStorageOptions { ConnectionString = LimitedPool(server.RequireServer()), ServiceId = _serviceId };
        configure?.Invoke(options);
        return Track(SqlGrainStorage.CreatePostgres("store", options));
    }

    // A server shared with other test classes (CI's has max_connections = 100) must not be exhausted by one test's
    // burst of concurrent writers: past this many connections, callers wait for one instead.
    private static string LimitedPool(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 20 }.ConnectionString;
}
