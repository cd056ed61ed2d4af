using OrleansShop.Testing;

namespace OrleansShop.Runtime.Sql.Tests.Postgres;

/// <summary>The storage contract against a real PostgreSQL server; each test uses its own service id.</summary>
public sealed class PostgresGrainStorageTests(PostgresServerFixture server) : GrainStorageContract
{
    private readonly string _serviceId = "t" + Guid.NewGuid().ToString("N");

    protected override SqlGrainStorage NewProvider(Action<SqlStorageOptions>? configure = null)
    {
        var options = new PostgresStorageOptions { ConnectionString = server.RequireServer(), ServiceId = _serviceId };
        configure?.Invoke(options);
        return Track(SqlGrainStorage.CreatePostgres("store", options));
    }
}
