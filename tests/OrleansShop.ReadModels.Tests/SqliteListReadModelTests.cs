namespace OrleansShop.ReadModels.Tests;

public sealed class SqliteListReadModelTests : ListReadModelContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("readmodel-lists-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    protected override Task<ReadModelDatabase> DatabaseAsync() =>
        Task.FromResult(ReadModelDatabase.ForSqliteFile(Path.Combine(_directory, Guid.NewGuid().ToString("N"), ReadModelDatabase.SqliteFileName)));
}
