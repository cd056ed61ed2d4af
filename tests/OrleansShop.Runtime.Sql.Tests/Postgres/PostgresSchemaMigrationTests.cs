using System.Data.Common;
using Npgsql;
using OrleansShop.Testing;

namespace OrleansShop.Runtime.Sql.Tests.Postgres;

public sealed class PostgresSchemaMigrationTests(PostgresServerFixture server) : SchemaMigrationContract, IAsyncDisposable
{
    private string? _database;

    protected override string Now => "now()";

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await server.DropDatabaseAsync(_database, CancellationToken.None);
        }
    }

    protected override async Task<SqlSchemaMigrator> NewMigratorAsync()
    {
        _database ??= await server.CreateDatabaseAsync(Ct);
        return SqlSchemaMigrator.ForPostgres(new PostgresStorageOptions { ConnectionString = _database });
    }

    protected override async Task<DbConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync(Ct);
        return connection;
    }
}
