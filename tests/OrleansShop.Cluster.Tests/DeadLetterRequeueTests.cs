using System.Globalization;
using Npgsql;
using OrleansShop.Cluster.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Cluster.Tests;

/// <summary>
/// The <c>dead-letters</c> command on a cluster with ADO.NET streams: events that outlived their expiry while no silo
/// consumed become dead letters once a consumer reads the queue, reach no read model, are listed by the command, and after
/// <c>dead-letters --requeue</c> reach the read models, each order once.
/// </summary>
public sealed class DeadLetterRequeueTests(PostgresServerFixture postgres)
{
    private const int Orders = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_expired_while_no_silo_consumed_are_listed_requeued_and_then_recorded_once_each()
    {
        postgres.RequireServer();
        var settings = new Dictionary<string, string>
        {
            ["OrleansShop__Streams__Provider"] = "AdoNet",
            ["OrleansShop__Streams__Consume"] = "false",
            // The shortest expiry the shop accepts, so the test waits a minute rather than a week.
            ["OrleansShop__Streams__AdoNet__ExpiryTimeout"] = "00:01:00",
        };
        await using var cluster = await ShopCluster.StartAsync(postgres, [NodeRole.Api], settings, Ct);
        var admin = await cluster.AdminTokenAsync(Ct);
        var product = await cluster.CreateProductAsync(0, admin, initialStock: 20, Ct);
        var card = await cluster.TokenizeAsync(Ct);
        var orderIds = new List<string>();
        for (var i = 0; i < Orders; i++)
        {
            orderIds.Add(await cluster.PlaceAndPayOrderAsync(product, card, $"dead{i}@cluster.test", Ct));
        }

        var published = await CountAsync(cluster, "OrleansStreamMessage");
        Assert.True(published >= 2 * Orders, $"{published} events queued; expected at least the {2 * Orders} order events");
        await WaitAsync(cluster, "the queued events to expire", TimeSpan.FromSeconds(120),
            async () => await ScalarAsync<bool>(cluster, "SELECT bool_and(ExpiresOn <= now()) FROM OrleansStreamMessage"));

        // A consuming silo's first read of the queue moves the expired events to the dead letters instead of delivering them.
        await cluster.StopNodeAsync(0, Ct);
        await cluster.StartNodeAsync(0, new Dictionary<string, string> { ["OrleansShop__Streams__Consume"] = "true" }, Ct);
        await WaitAsync(cluster, "the expired events to become dead letters", TimeSpan.FromSeconds(60),
            async () => await CountAsync(cluster, "OrleansStreamDeadLetter") == published && await CountAsync(cluster, "OrleansStreamMessage") == 0);
        admin = await cluster.AdminTokenAsync(Ct);
        Assert.Equal(0, await cluster.PaidOrderCountAsync(admin, Ct));
        Assert.Empty(await OrderNotificationRows.ReadAsync(cluster.ConnectionString, Ct));

        var listed = await cluster.RunCommandAsync(["dead-letters"], null, Ct);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        var queue = await ScalarAsync<string>(cluster, "SELECT min(QueueId) FROM OrleansStreamDeadLetter");
        Assert.Matches($@"(?m)^\s+{System.Text.RegularExpressions.Regex.Escape(queue)}\s+{published}\s+\d{{4}}-", listed.Output);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{published} in all"), listed.Output, StringComparison.Ordinal);

        // The options narrow both: another queue's or those dead long ago are none of these; this queue's up to now are all.
        var otherQueue = await cluster.RunCommandAsync(["dead-letters", "--requeue", "--queue", queue + "-other"], null, Ct);
        var longAgo = await cluster.RunCommandAsync(["dead-letters", "--dead-before=2000-01-01T00:00Z"], null, Ct);
        var thisQueue = await cluster.RunCommandAsync(
            ["dead-letters", "--queue", queue, "--dead-before", (DateTimeOffset.UtcNow + TimeSpan.FromHours(1)).ToString("O", CultureInfo.InvariantCulture)], null, Ct);
        Assert.True(otherQueue.ExitCode == 0 && otherQueue.Output.StartsWith("No dead letters to requeue", StringComparison.Ordinal), otherQueue.ToString());
        Assert.True(longAgo.ExitCode == 0 && longAgo.Output.StartsWith("No dead letters", StringComparison.Ordinal), longAgo.ToString());
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{published} in all"), thisQueue.Output, StringComparison.Ordinal);
        Assert.Equal(published, await CountAsync(cluster, "OrleansStreamDeadLetter"));

        var requeued = await cluster.RunCommandAsync(["dead-letters", "--requeue"], null, Ct);
        Assert.True(requeued.ExitCode == 0, requeued.ToString());
        Assert.Contains($"Requeued {published} from queue {queue}.", requeued.Output, StringComparison.Ordinal);

        await WaitAsync(cluster, "the requeued events to reach the read models", TimeSpan.FromSeconds(60),
            async () => await cluster.PaidOrderCountAsync(admin, Ct) >= Orders
                && (await OrderNotificationRows.ReadAsync(cluster.ConnectionString, Ct)).Count >= 2 * Orders
                && await CountAsync(cluster, "OrleansStreamMessage") == 0);
        Assert.Equal(Orders, await cluster.PaidOrderCountAsync(admin, Ct));
        var recorded = await OrderNotificationRows.ReadAsync(cluster.ConnectionString, Ct);
        Assert.Equal(
            orderIds.SelectMany(id => new[] { (id, "PaymentPending"), (id, "Paid") }).Order().ToList(),
            recorded.Select(n => (n.OrderId, n.Status)).Order().ToList());
        Assert.Equal(0L, await CountAsync(cluster, "OrleansStreamDeadLetter"));

        var after = await cluster.RunCommandAsync(["dead-letters"], null, Ct);
        Assert.True(after.ExitCode == 0 && after.Output.StartsWith("No dead letters", StringComparison.Ordinal), after.ToString());
        TestContext.Current.TestOutputHelper?.WriteLine(listed.Output + requeued.Output);
    }

    [Fact]
    public async Task The_command_refuses_a_shop_whose_events_are_not_on_ado_net_streams_and_a_time_it_cannot_read()
    {
        var data = Path.Combine(Path.GetTempPath(), $"orleansshop-deadletters-{Guid.NewGuid():N}");
        try
        {
            // The embedded shop's defaults: SQLite storage, memory streams.
            var embedded = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["OrleansShop__DataDirectory"] = data };
            var memory = await ShopCommand.RunAsync(["dead-letters", "--requeue"], embedded, Ct);
            var badTime = await ShopCommand.RunAsync(["dead-letters", "--dead-before", "yesterday"], embedded, Ct);

            Assert.True(memory.ExitCode == 1 && memory.Error.Contains("Memory streams", StringComparison.Ordinal), memory.ToString());
            Assert.True(badTime.ExitCode == 2 && badTime.Error.Contains("--dead-before", StringComparison.Ordinal), badTime.ToString());
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static Task<long> CountAsync(ShopCluster cluster, string table) =>
        ScalarAsync<long>(cluster, $"SELECT count(*) FROM {table} WHERE ProviderId = 'events'");

    private static async Task<T> ScalarAsync<T>(ShopCluster cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task WaitAsync(ShopCluster cluster, string what, TimeSpan within, Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"waited {within} for {what}{cluster.Output()}");
            await Task.Delay(500, Ct);
        }
    }
}
