using OrleansShop.Testing;

namespace OrleansShop.ReadModels.Tests;

public sealed class PostgresListReadModelTests(PostgresServerFixture server) : ListReadModelContract, IClassFixture<PostgresServerFixture>, IAsyncDisposable
{
    private readonly List<string> _databases = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await server.DropDatabaseAsync(database, CancellationToken.None);
        }
    }

    protected override async Task<ReadModelDatabase> DatabaseAsync()
    {
        server.RequireServer();
        var database = await server.CreateDatabaseAsync(Ct);
        _databases.Add(database);
        return new ReadModelDatabase(ReadModelDialect.Postgres, database);
    }
}
