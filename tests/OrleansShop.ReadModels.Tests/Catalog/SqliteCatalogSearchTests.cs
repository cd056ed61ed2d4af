using OrleansShop.ReadModels.Catalog;

namespace OrleansShop.ReadModels.Tests.Catalog;

public sealed class SqliteCatalogSearchTests : CatalogSearchContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("catalog-").FullName;

    private CatalogStore? _store;

    protected override Task<CatalogStore> StoreAsync() =>
        Task.FromResult(_store ??= new CatalogStore(ReadModelDatabase.ForSqliteFile(Path.Combine(_directory, ReadModelDatabase.SqliteFileName))));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
