using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using OrleansShop.Cluster.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Cluster.Tests;

/// <summary>
/// Orleans' ADO.NET streams when the silo whose pulling agent reads the event queue is killed (-9) while it delivers: the
/// rows it took stay leased to it for the visibility timeout, then the other silo's agent, which took the queue over
/// when the membership declared the dead silo dead, reads them again and delivers them; the read models, idempotent by
/// event id, show every event once.
/// </summary>
/// <remarks>
/// To kill the agent with a batch in hand and not merely between polls, the test holds a lock on the notification
/// outbox while the events are published: the dispatchers' inserts wait on it, so the agent has taken every event and
/// is still delivering them (its cache confirms none while a consumer is behind) when the kill comes. A slow read-model
/// database does the same in production.
/// </remarks>
public sealed partial class StreamRedeliveryTests(PostgresServerFixture postgres)
{
    private const int Orders = 10;

    // OrleansShop.GrainInterfaces.DomainEvents.Provider, which this project does not reference (it starts the hosts' builds).
    private const string DomainEventsProvider = "events";

    // Shortened from the shop's 30 s so that the test waits it out in a modest time.
    private static readonly TimeSpan s_visibilityTimeout = TimeSpan.FromSeconds(10);

    // After the rows become visible again: the survivor's agent reads them within a poll, and delivering a few dozen
    // events to projections that batch their writes takes a few seconds on a loaded 2-core machine.
    private static readonly TimeSpan s_redeliverySlack = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_a_killed_silo_was_delivering_reach_the_read_models_once_each_after_the_visibility_timeout()
    {
        postgres.RequireServer();
        await using var shop = await StartWithOneOrderAsync(Settings(s_visibilityTimeout));
        var (cluster, database) = (shop.Cluster, shop.Cluster.ConnectionString);
        var leased = new List<LeasedRow>();
        int owner;
        DateTime killedAt;
        await using (var outbox = await LockOutboxAsync(database))
        {
            await shop.PublishBurstAsync();
            owner = QueueOwner(cluster);
            killedAt = DateTime.UtcNow;
            cluster.Kill(owner);
            leased.AddRange(await LeasedAsync(database));
        }

        // Nothing of the burst was confirmed before the kill: its order events (two per order) at least are leased to the
        // dead agent, hidden until their visibility timeout.
        Assert.True(leased.Count >= 2 * Orders, $"{leased.Count} events leased at the kill; expected at least the {2 * Orders} order events");
        var visibleAgain = leased.Max(row => row.VisibleOn);
        var firstVisibleAgain = leased.Min(row => row.VisibleOn);
        Assert.True(visibleAgain <= killedAt + s_visibilityTimeout, $"leased until {visibleAgain:HH:mm:ss.fff}, killed at {killedAt:HH:mm:ss.fff}");

        var expected = shop.ExpectedNotifications();
        var productKey = RelayKey(shop.Product);
        var deadline = visibleAgain + s_redeliverySlack;
        while (true)
        {
            var notifications = await NotificationsAsync(database);
            var paid = await PaidOrdersAsync(cluster, shop.Admin);
            var available = await CatalogAvailableAsync(database, productKey);
            var queued = await QueuedAsync(database);
            if (notifications.Count >= expected.Count && paid == shop.OrderIds.Count && available == 0 && queued == 0)
            {
                // Only the dead silo's agent had these rows; had the test killed another silo, that agent would have
                // delivered and confirmed them as soon as the lock went, well before any lease ran out.
                Assert.True(
                    DateTime.UtcNow >= firstVisibleAgain,
                    $"the read models were complete {(DateTime.UtcNow - killedAt).TotalSeconds:0.0} s after the kill, before the first lease ran out "
                    + $"({(firstVisibleAgain - killedAt).TotalSeconds:0.0} s): the killed node {owner} was not the one delivering");
                Assert.Equal(expected, notifications.Select(n => (n.OrderId, n.Status)).Order().ToList());
                Assert.Equal(0, await DeadLettersAsync(database));
                TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"node {owner} killed holding {leased.Count} events, read up to {leased.Max(row => row.Dequeued)} times "
                    + $"(visible again {(firstVisibleAgain - killedAt).TotalSeconds:0.0} to {(visibleAgain - killedAt).TotalSeconds:0.0} s after the kill); "
                    + $"read models complete {(DateTime.UtcNow - killedAt).TotalSeconds:0.0} s after the kill; "
                    + $"{notifications.Count(n => n.Deliveries > 1)} of {notifications.Count} notifications delivered more than once"));
                break;
            }

            Assert.True(
                DateTime.UtcNow < deadline,
                $"{(DateTime.UtcNow - killedAt).TotalSeconds:0} s after the kill of node {owner} ({leased.Count} events leased, visible again at "
                + $"{visibleAgain:HH:mm:ss.fff}): {notifications.Count} of {expected.Count} notifications, {paid} of {shop.OrderIds.Count} orders paid "
                + $"in the admin list, {available} available in the catalog (0 expected), {queued} events still queued{cluster.Output()}");
            await Task.Delay(250, Ct);
        }

        // The survivor took the queue over: its agent is the one that delivered the held events.
        Assert.Equal(1, OwnedQueues(cluster.Node(1 - owner)));
    }

    /// <summary>
    /// A delivery that stalls (here the outbox locked; in production a read-model database that hangs for minutes) for
    /// more than the five reads that were Orleans' default limit, then the delivering silo dies: the events still arrive.
    /// </summary>
    /// <remarks>
    /// Orleans' receiver (AdoNetQueueAdapterReceiver.GetQueueMessagesAsync) reads again the rows it is still delivering
    /// each time their visibility timeout passes, and nothing renews a lease; each read counts one of MaxAttempts
    /// (GetStreamMessages: Dequeued + 1, in Orleans' PostgreSQL-Streaming.sql as in our schema script 5), and the next
    /// eviction moves rows read that often to the dead letters although no delivery failed, while the events are held
    /// only in the agent's memory. With 2 attempts of 2 s, 17 and 18 of the burst's 22 order events were lost to the kill
    /// in two runs. Unset, the attempts now outlast MaxDeliveryTime (AdoNetStreamSettings.AttemptsFor): 16 reads here.
    /// </remarks>
    [Fact]
    public async Task Events_whose_delivery_stalled_for_many_visibility_timeouts_still_reach_the_read_models_after_a_kill()
    {
        postgres.RequireServer();
        var visibility = TimeSpan.FromSeconds(2);
        var settings = Settings(visibility);
        settings["OrleansShop__Streams__MaxDeliveryTime"] = "00:00:30";
        await using var shop = await StartWithOneOrderAsync(settings);
        var (cluster, database) = (shop.Cluster, shop.Cluster.ConnectionString);
        int owner;
        long deadAtKill;
        DateTime killedAt;
        await using (var outbox = await LockOutboxAsync(database))
        {
            await shop.PublishBurstAsync();

            // Read six times, then an eviction period (10 s, Orleans' default) more: a limit of five would have moved them.
            await WaitForAsync(
                async () => await MostReadAsync(database) >= 6 || await DeadLettersAsync(database) > 0,
                TimeSpan.FromSeconds(40),
                "the held events read six times",
                cluster);
            await Task.Delay(TimeSpan.FromSeconds(11), Ct);
            owner = QueueOwner(cluster);
            deadAtKill = await DeadLettersAsync(database);
            killedAt = DateTime.UtcNow;
            cluster.Kill(owner);
        }

        Assert.True(deadAtKill == 0, $"{deadAtKill} events moved to the dead letters while node {owner} still delivered them");
        var expected = shop.ExpectedNotifications();
        var deadline = killedAt + visibility + s_redeliverySlack;
        while (true)
        {
            var notifications = await NotificationsAsync(database);
            if (notifications.Count >= expected.Count)
            {
                Assert.Equal(expected, notifications.Select(n => (n.OrderId, n.Status)).Order().ToList());
                Assert.Equal(0, await DeadLettersAsync(database));
                break;
            }

            Assert.True(
                DateTime.UtcNow < deadline,
                $"{(DateTime.UtcNow - killedAt).TotalSeconds:0} s after the kill of node {owner} ({await DeadLettersAsync(database)} dead letters, "
                + $"{await QueuedAsync(database)} events queued): {notifications.Count} of {expected.Count} notifications");
            await Task.Delay(250, Ct);
        }
    }

    private static Dictionary<string, string> Settings(TimeSpan visibilityTimeout) =>
        new()
        {
            ["OrleansShop__Streams__Provider"] = "AdoNet",
            ["OrleansShop__Streams__AdoNet__VisibilityTimeout"] = visibilityTimeout.ToString("c", CultureInfo.InvariantCulture),

            // The domain events' pulling managers (a category per provider) say which queues they own: the test kills the
            // silo that reads the queue. The memory streams' managers stay quiet, so every such line is about this queue.
            ["Logging__LogLevel__Orleans.Streams.PersistentStreamPullingManager." + DomainEventsProvider] = "Information",
        };

    /// <summary>
    /// Two API nodes on ADO.NET streams, a product with stock for every order, and one order whose two notifications are
    /// recorded: the outbox table exists to be locked, and the dispatchers are active.
    /// </summary>
    private async Task<ShopUnderTest> StartWithOneOrderAsync(Dictionary<string, string> settings)
    {
        var cluster = await ShopCluster.StartAsync(postgres, [NodeRole.Api, NodeRole.Api], settings, Ct);
        try
        {
            var admin = await cluster.AdminTokenAsync(Ct);
            var product = await cluster.CreateProductAsync(0, admin, initialStock: Orders + 1, Ct);
            var shop = new ShopUnderTest(cluster, admin, product, await cluster.TokenizeAsync(Ct));
            shop.OrderIds.Add(await BuyAsync(cluster, product, shop.Card, 0));
            await WaitForAsync(
                async () => (await NotificationsAsync(cluster.ConnectionString)).Count == 2, TimeSpan.FromSeconds(60), "the first order's two notifications", cluster);
            return shop;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private static async Task<string> BuyAsync(ShopCluster cluster, string productId, string card, int shopper)
    {
        var cart = (await cluster.DataAsync(
            0,
            "mutation($input: AddCartItemInput!) { addCartItem(input: $input) { cart { id } errors { code message } } }",
            new { input = new { productId, quantity = 1 } }, cancellationToken: Ct))["addCartItem"]!["cart"]!["id"]!.GetValue<string>();
        var order = (await cluster.DataAsync(
            0,
            "mutation($input: CheckoutInput!) { checkout(input: $input) { order { id } errors { code message } } }",
            new { input = new { cartId = cart, email = $"redelivery{shopper}@cluster.test", shippingAddress = ShopCluster.Address, idempotencyKey = "checkout-" + cart } },
            cancellationToken: Ct))["checkout"]!["order"]!["id"]!.GetValue<string>();
        var paid = (await cluster.DataAsync(
            0,
            "mutation($input: PayOrderInput!) { payOrder(input: $input) { order { status } errors { code message } } }",
            new { input = new { orderId = order, method = "CARD", cardToken = card, idempotencyKey = "pay-" + order } },
            cancellationToken: Ct))["payOrder"]!;
        Assert.True(paid["order"]?["status"]?.GetValue<string>() == "PAID", paid.ToJsonString());
        return RelayKey(order);
    }

    /// <summary>The grain key inside one of the API's Relay ids (base64 of "Type:key"), as the read models store it.</summary>
    private static string RelayKey(string id) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(id)).Split(':', 2)[1];

    /// <summary>The node whose pulling agent reads the queue: the one whose pulling manager last said it owns one.</summary>
    private static int QueueOwner(ShopCluster cluster)
    {
        var owners = Enumerable.Range(0, cluster.Size).Where(i => OwnedQueues(cluster.Node(i)) == 1).ToList();
        Assert.True(owners.Count == 1, $"nodes owning the queue by their logs: [{string.Join(", ", owners)}]{cluster.Output()}");
        return owners[0];
    }

    /// <summary>How many queues <paramref name="node"/>'s pulling manager last said it owns (0 if it said nothing).</summary>
    private static int OwnedQueues(ShopNode node) =>
        node.OutputMatching(QueueOwnership()).Select(line => int.Parse(QueueOwnership().Match(line).Groups[1].Value, CultureInfo.InvariantCulture)).LastOrDefault();

    // "I am now responsible for 1 queues", "I now own 0 queues", "Now own total of 1 queues", "I am responsible for a total of 1 queues".
    [GeneratedRegex(@"(?:own|responsible for)(?: a)?(?: total of)? (\d+) queues")]
    private static partial Regex QueueOwnership();

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan within, string what, ShopCluster cluster)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within {within}: {what}{cluster.Output()}");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>
    /// A connection whose open transaction holds the outbox in SHARE mode: reads go on, inserts wait until the connection
    /// is disposed (which rolls the transaction back).
    /// </summary>
    private static async Task<NpgsqlConnection> LockOutboxAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        var transaction = await connection.BeginTransactionAsync(Ct);
        await using var command = new NpgsqlCommand("LOCK TABLE order_notifications IN SHARE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync(Ct);
        return connection;
    }

    private static async Task<long> OutboxWaitersAsync(string connectionString) => await ScalarAsync<long>(
        connectionString,
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%order_notifications%'");

    private static async Task<long> UntakenAsync(string connectionString) =>
        await ScalarAsync<long>(connectionString, "SELECT count(*) FROM OrleansStreamMessage WHERE ProviderId = '" + DomainEventsProvider + "' AND Dequeued = 0");

    private static async Task<long> QueuedAsync(string connectionString) =>
        await ScalarAsync<long>(connectionString, "SELECT count(*) FROM OrleansStreamMessage WHERE ProviderId = '" + DomainEventsProvider + "'");

    private static async Task<long> MostReadAsync(string connectionString) => await ScalarAsync<long>(
        connectionString, "SELECT coalesce(max(Dequeued), 0)::bigint FROM OrleansStreamMessage WHERE ProviderId = '" + DomainEventsProvider + "'");

    private static async Task<long> DeadLettersAsync(string connectionString) =>
        await ScalarAsync<long>(connectionString, "SELECT count(*) FROM OrleansStreamDeadLetter WHERE ProviderId = '" + DomainEventsProvider + "'");

    private static async Task<List<LeasedRow>> LeasedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT MessageId, Dequeued, VisibleOn FROM OrleansStreamMessage WHERE ProviderId = '" + DomainEventsProvider + "' AND Dequeued > 0 AND VisibleOn > now()", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<LeasedRow>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(new LeasedRow(reader.GetInt64(0), reader.GetInt32(1), reader.GetFieldValue<DateTime>(2)));
        }

        return rows;
    }

    private static async Task<int?> CatalogAvailableAsync(string connectionString, string productKey)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT available FROM catalog_products WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", productKey);
        return await command.ExecuteScalarAsync(Ct) is int available ? available : null;
    }

    private static async Task<int> PaidOrdersAsync(ShopCluster cluster, string admin) =>
        (await cluster.RetryAsync("{ orders(first: 50, where: { status: [PAID] }) { totalCount } }", null, admin, TimeSpan.FromSeconds(30), Ct))
            .Data["orders"]!["totalCount"]!.GetValue<int>();

    private static Task<List<(string OrderId, string Status, int Deliveries)>> NotificationsAsync(string connectionString) =>
        OrderNotificationRows.ReadAsync(connectionString, Ct);

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private sealed record LeasedRow(long MessageId, int Dequeued, DateTime VisibleOn);

    /// <summary>The running cluster, its administrator, the product every order buys, a card token, the orders so far.</summary>
    private sealed class ShopUnderTest(ShopCluster cluster, string admin, string product, string card) : IAsyncDisposable
    {
        public ShopCluster Cluster { get; } = cluster;

        public string Admin { get; } = admin;

        public string Product { get; } = product;

        public string Card { get; } = card;

        public List<string> OrderIds { get; } = [];

        /// <summary>
        /// Places and pays <see cref="Orders"/> more orders (with the outbox locked by the caller), then waits until the agent
        /// has taken every event (none waits untaken in the queue) and a dispatcher is inside the outbox's insert.
        /// </summary>
        public async Task PublishBurstAsync()
        {
            for (var i = 1; i <= Orders; i++)
            {
                OrderIds.Add(await BuyAsync(Cluster, Product, Card, OrderIds.Count));
            }

            await WaitForAsync(
                async () => await UntakenAsync(Cluster.ConnectionString) == 0 && await OutboxWaitersAsync(Cluster.ConnectionString) > 0,
                TimeSpan.FromSeconds(30), "every event taken by the agent and a dispatcher waiting on the outbox", Cluster);
        }

        /// <summary>Each order's two notifications, placed and paid, as (order, status), sorted.</summary>
        public List<(string OrderId, string Status)> ExpectedNotifications() =>
            [.. OrderIds.SelectMany(id => new[] { (id, "PaymentPending"), (id, "Paid") }).Order()];

        public ValueTask DisposeAsync() => Cluster.DisposeAsync();
    }
}
