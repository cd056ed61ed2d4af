using System.Globalization;
using Azure.Storage.Queues;
using Npgsql;
using OrleansShop.Cluster.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Cluster.Tests;

/// <summary>
/// The domain events on each durable provider that runs here: Azure Queue streams on Azurite's queue service, and Orleans'
/// ADO.NET streams in the PostgreSQL storage database; state and read models in PostgreSQL either way. Events published
/// while no silo consumes wait in the queues, survive a kill -9 of the silo that published them, and are all consumed
/// after it comes back, each recorded once.
/// </summary>
public sealed class DomainEventStreamTests(PostgresServerFixture postgres)
{
    private const int Orders = 6;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("AzureQueue")]
    [InlineData("AdoNet")]
    public async Task Events_published_while_no_consumer_runs_survive_a_kill_9_and_reach_the_read_models_once_each(string provider)
    {
        postgres.RequireServer();
        await using var queues = await DurableQueues.StartAsync(provider);
        await using var cluster = await ShopCluster.StartAsync(postgres, [NodeRole.Api], queues.Settings, Ct);
        var admin = await cluster.AdminTokenAsync(Ct);
        var product = await cluster.CreateProductAsync(0, admin, initialStock: 20, Ct);
        var card = await cluster.TokenizeAsync(Ct);
        var orderIds = new List<string>();
        for (var i = 0; i < Orders; i++)
        {
            orderIds.Add(await cluster.PlaceAndPayOrderAsync(product, card, $"events{i}@cluster.test", Ct));
        }

        // Acknowledged to the shopper, queued, not consumed: no notification, and the admin list does not show them paid.
        var waiting = await queues.WaitingAsync(cluster.ConnectionString);
        Assert.True(waiting >= 2 * Orders, $"{waiting} messages in the queues; expected the {2 * Orders} order events and the stock events");
        if (await queues.ShortestRetentionAsync(cluster.ConnectionString) is { } retention)
        {
            // The shop keeps events a week (Orleans' ADO.NET default, 10 minutes, would drop those of a longer pause).
            Assert.True(retention >= TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1), $"events are kept only {retention}");
        }

        Assert.Equal(0, await NotificationCountAsync(cluster.ConnectionString));
        Assert.Equal(0, await cluster.PaidOrderCountAsync(admin, Ct));

        cluster.Kill(0);
        await cluster.StartNodeAsync(0, new Dictionary<string, string> { ["OrleansShop__Streams__Consume"] = "true" }, Ct);
        admin = await cluster.AdminTokenAsync(Ct);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await cluster.PaidOrderCountAsync(admin, Ct) < Orders || await NotificationCountAsync(cluster.ConnectionString) < 2 * Orders)
        {
            Assert.True(DateTime.UtcNow < deadline, $"after 60 s: {await cluster.PaidOrderCountAsync(admin, Ct)} orders paid in the admin list, "
                + $"{await NotificationCountAsync(cluster.ConnectionString)} notifications{cluster.Output()}");
            await Task.Delay(250, Ct);
        }

        var recorded = await NotificationsAsync(cluster.ConnectionString);
        var expected = orderIds.SelectMany(id => new[] { (id, "PaymentPending"), (id, "Paid") }).Order().ToList();
        Assert.Equal(expected, recorded.Select(n => (n.OrderId, n.Status)).Order().ToList());
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{provider}: {waiting} messages waited through the kill; {recorded.Count} notifications recorded, {recorded.Count(n => n.Deliveries > 1)} of them delivered more than once"));
    }

    private static async Task<long> NotificationCountAsync(string connectionString) => (await NotificationsAsync(connectionString)).Count;

    private static Task<List<(string OrderId, string Status, int Deliveries)>> NotificationsAsync(string connectionString) =>
        OrderNotificationRows.ReadAsync(connectionString, Ct);

    /// <summary>Where one provider keeps the events: its settings (consumers paused) and how many events wait there.</summary>
    private sealed class DurableQueues : IAsyncDisposable
    {
        private const int QueueCount = 2;
        private readonly AzuriteServer? _azurite;
        private readonly string _prefix = "events-" + Guid.NewGuid().ToString("N")[..8];

        private DurableQueues(string provider, AzuriteServer? azurite)
        {
            _azurite = azurite;
            Settings = new Dictionary<string, string>
            {
                ["OrleansShop__Streams__Provider"] = provider,
                ["OrleansShop__Streams__Consume"] = "false",
            };
            if (azurite is not null)
            {
                // ADO.NET runs on the shop's default (one queue); Azure Queue on two, which the test counts one by one.
                Settings["OrleansShop__Streams__AzureQueue__QueueCount"] = QueueCount.ToString(CultureInfo.InvariantCulture);
                Settings["OrleansShop__Streams__AzureQueue__ConnectionString"] = azurite.ConnectionString;
                Settings["OrleansShop__Streams__AzureQueue__QueuePrefix"] = _prefix;
            }
        }

        public Dictionary<string, string> Settings { get; }

        public static async Task<DurableQueues> StartAsync(string provider) => provider switch
        {
            "AzureQueue" => new(provider, await AzuriteServer.StartAsync(AzuriteService.Queue, Ct)),
            "AdoNet" => new(provider, azurite: null),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "no such durable provider here"),
        };

        public async Task<long> WaitingAsync(string connectionString)
        {
            if (_azurite is null)
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(Ct);
                await using var command = new NpgsqlCommand("SELECT count(*) FROM OrleansStreamMessage WHERE ProviderId = 'events'", connection);
                return (long)(await command.ExecuteScalarAsync(Ct))!;
            }

            long total = 0;
            for (var i = 0; i < QueueCount; i++)
            {
                // A queue is created when the first message goes to it (no silo reads while consumers are paused), so one
                // that no event hashed to does not exist yet: it holds nothing.
                var queue = new QueueClient(_azurite.ConnectionString, $"{_prefix}-{i}");
                if (await queue.ExistsAsync(Ct))
                {
                    total += (await queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount;
                }
            }

            return total;
        }

        /// <summary>How long the queued events are kept before they expire, where the provider records it (ADO.NET).</summary>
        public async Task<TimeSpan?> ShortestRetentionAsync(string connectionString)
        {
            if (_azurite is not null)
            {
                return null;
            }

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand("SELECT min(ExpiresOn - CreatedOn) FROM OrleansStreamMessage WHERE ProviderId = 'events'", connection);
            return (TimeSpan)(await command.ExecuteScalarAsync(Ct))!;
        }

        public async ValueTask DisposeAsync()
        {
            if (_azurite is not null)
            {
                await _azurite.DisposeAsync();
            }
        }
    }
}
