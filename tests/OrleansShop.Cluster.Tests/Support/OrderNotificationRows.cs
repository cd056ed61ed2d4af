using Npgsql;

namespace OrleansShop.Cluster.Tests.Support;

/// <summary>The notification outbox's rows in a cluster's PostgreSQL, read directly: what the projections recorded.</summary>
internal static class OrderNotificationRows
{
    /// <summary>Every row's order, status and delivery count; none before the outbox's table exists.</summary>
    public static async Task<List<(string OrderId, string Status, int Deliveries)>> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('order_notifications') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return [];
            }
        }

        await using var command = new NpgsqlCommand("SELECT order_id, status, deliveries FROM order_notifications", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(string, string, int)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return rows;
    }
}
