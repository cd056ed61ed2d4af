using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansShop.ReadModels;

namespace OrleansShop.Silo.Hosting.Health;

/// <summary>
/// Ready while the read-model database answers a query on a connection from its pool or a new one: catalog search and the
/// admin lists read it on every request. On Azure this is also where an Entra token that cannot be had shows (the data
/// source signs new connections in with it). The failure goes to the log, not the answer: a driver's message can name the server.
/// </summary>
internal sealed class ReadModelHealthCheck(ReadModelDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var dialect = database.Dialect.ToString().ToLowerInvariant();
        try
        {
            await using var connection = await database.OpenForReadingAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{dialect} read models reachable");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"{dialect} read models unreachable", ex);
        }
    }
}
