using Npgsql;
using OrleansShop.Testing;

namespace OrleansShop.Runtime.Sql.Tests.Postgres;

public sealed class PostgresReminderTableTests(PostgresServerFixture server) : ReminderTableContract
{
    private readonly string _serviceId = "t" + Guid.NewGuid().ToString("N");

    protected override SqlReminderTable NewTable(Action<SqlStorageOptions>? configure = null)
    {
        var options = new PostgresStorageOptions { ConnectionString = LimitedPool(server.RequireServer()), ServiceId = _serviceId };
        configure?.Invoke(options);
        return Track(SqlReminderTable.CreatePostgres(options));
    }

    // A server shared with other test classes (CI's has max_connections = 100) must not be exhausted by one test's
    // burst of concurrent writers: past this many connections, callers wait for one instead.
    private static string LimitedPool(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 20 }.ConnectionString;
}
