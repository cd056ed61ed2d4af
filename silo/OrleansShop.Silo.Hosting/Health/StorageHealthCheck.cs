using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace OrleansShop.Silo.Hosting.Health;

/// <summary>
/// Ready while the storage database answers a query on a new connection: the SQLite file of the data directory, or the
/// PostgreSQL or SQL Server database of <c>OrleansShop:Storage</c>. The description names the database kind only; the
/// failure itself goes to the log, since a driver's message can name the server.
/// </summary>
internal sealed class StorageHealthCheck(IOptions<ShopOptions> options) : IHealthCheck
{
    private readonly ShopOptions _shop = options.Value;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var dialect = _shop.Storage.Dialect;
        try
        {
            await using var connection = Connect(dialect);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();

            // On SQLite opening a file reads nothing; reading the schema does, so a file that is gone or unreadable fails here.
            command.CommandText = dialect == "sqlite" ? "SELECT count(*) FROM sqlite_master" : "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{dialect} storage reachable");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"{dialect} storage unreachable", ex);
        }
    }

    private DbConnection Connect(string dialect) => dialect switch
    {
        // Unpooled and read-only: each check opens the file by its path as a restarted silo would, and never creates it.
        "sqlite" => new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = _shop.SqliteDatabasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ConnectionString),
        "postgres" => new NpgsqlConnection(_shop.Storage.RequireConnectionString()),
        _ => new SqlConnection(_shop.Storage.RequireConnectionString()),
    };
}
