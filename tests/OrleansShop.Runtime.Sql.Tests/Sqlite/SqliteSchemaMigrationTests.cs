using System.Data.Common;
using Microsoft.Data.Sqlite;
using OrleansShop.Runtime.Sql.Tests.Support;

namespace OrleansShop.Runtime.Sql.Tests.Sqlite;

public sealed class SqliteSchemaMigrationTests : SchemaMigrationContract, IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    protected override string Now => "'2026-11-22T00:00:00Z'";

    public void Dispose() => _directory.Dispose();

    protected override Task<SqlSchemaMigrator> NewMigratorAsync() =>
        Task.FromResult(SqlSchemaMigrator.ForSqlite(new SqliteStorageOptions { DataDirectory = _directory.Path }));

    protected override async Task<DbConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, "orleansshop.db")};Pooling=false");
        await connection.OpenAsync(Ct);
        return connection;
    }
}
