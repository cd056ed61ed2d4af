using OrleansShop.Testing;

namespace OrleansShop.Runtime.Sql.Tests.Postgres;

public sealed class PostgresReminderTableTests(PostgresServerFixture server) : ReminderTableContract
{
    private readonly string _serviceId = "t" + Guid.NewGuid().ToString("N");

    protected override SqlReminderTable NewTable(Action<SqlStorageOptions>? configure = null)
    {
        var options = new PostgresStorageOptions { ConnectionString = server.RequireServer(), ServiceId = _serviceId };
        configure?.Invoke(options);
        return Track(SqlReminderTable.CreatePostgres(options));
    }
}
