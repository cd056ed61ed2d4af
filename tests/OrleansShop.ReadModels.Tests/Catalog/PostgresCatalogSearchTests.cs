using OrleansShop.ReadModels.Catalog;
using OrleansShop.Testing;

namespace OrleansShop.ReadModels.Tests.Catalog;

public sealed class PostgresCatalogSearchTests(PostgresServerFixture server) : CatalogSearchContract, IAsyncDisposable
{
    private string? _database;
    private CatalogStore? _store;

    protected override async Task<CatalogStore> StoreAsync()
    {
        _database ??= await server.CreateDatabaseAsync(Ct);
        return _store ??= new CatalogStore(new ReadModelDatabase(ReadModelDialect.Postgres, _database));
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await server.DropDatabaseAsync(_database, CancellationToken.None);
        }
    }
}
