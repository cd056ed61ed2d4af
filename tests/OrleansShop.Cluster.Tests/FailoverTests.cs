using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using OrleansShop.Cluster.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Cluster.Tests;

/// <summary>
/// Nodes leaving under load: killed (kill -9) while shoppers check out and pay, or stopped and started again one by one.
/// Clients retry idempotent requests (the same idempotency key) on another node, as a client behind a load balancer does.
/// </summary>
public sealed class FailoverTests(PostgresServerFixture postgres)
{
    // Detection takes about 4 s with the defaults; the rest is slack for a busy 2-core machine.
    private static readonly TimeSpan s_retryWindow = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_node_killed_during_checkouts_loses_no_acknowledged_order_and_oversells_nothing()
    {
        postgres.RequireServer();
        await using var cluster = await ShopCluster.StartAsync(postgres, 3, Ct);
        var admin = await cluster.AdminTokenAsync(Ct);
        const int stockEach = 120;
        string[] products = [await cluster.CreateProductAsync(0, admin, stockEach, Ct), await cluster.CreateProductAsync(1, admin, stockEach, Ct)];
        var token = await cluster.TokenizeAsync(Ct);
        var soldOut = new ConcurrentDictionary<string, bool>();
        var acknowledged = new ConcurrentBag<(string OrderId, string ProductId, string Status)>();
        var slowestAfterKill = TimeSpan.Zero;
        var killedAt = 0L;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(TimeSpan.FromSeconds(120));

        async Task ShopperAsync(int worker)
        {
            var turn = worker;
            while (!stop.IsCancellationRequested && soldOut.Count < products.Length)
            {
                var productId = products[turn++ % products.Length];
                if (soldOut.ContainsKey(productId))
                {
                    continue;
                }

                // A new guest cart per order: adding is not idempotent, so a failed add starts over with a new cart.
                string cartId;
                try
                {
                    var node = turn % cluster.Size;
                    var added = (await cluster.PostAsync(
                        cluster.IsUp(node) ? node : 0,
                        "mutation($input: AddCartItemInput!) { addCartItem(input: $input) { cart { id } errors { code } } }",
                        new { input = new { productId, quantity = 1 } }, cancellationToken: stop.Token))["data"]?["addCartItem"];
                    if (added?["cart"]?["id"]?.GetValue<string>() is not { } id)
                    {
                        if (added?["errors"]?[0]?["code"]?.GetValue<string>() == "OUT_OF_STOCK")
                        {
                            soldOut[productId] = true;
                        }

                        continue;
                    }

                    cartId = id;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException && !stop.IsCancellationRequested)
                {
                    continue;
                }

                var started = Stopwatch.GetTimestamp();
                var (placed, _) = await cluster.RetryAsync(
                    "mutation($input: CheckoutInput!) { checkout(input: $input) { order { id } errors { code message } } }",
                    new { input = new { cartId, email = $"w{worker}@cluster.test", shippingAddress = ShopCluster.Address, idempotencyKey = "checkout-" + cartId } },
                    null, s_retryWindow, stop.Token);
                var checkout = placed["checkout"]!;
                if (checkout["order"]?["id"]?.GetValue<string>() is not { } orderId)
                {
                    var code = checkout["errors"]![0]!["code"]!.GetValue<string>();
                    Assert.True(code == "OUT_OF_STOCK", checkout.ToJsonString());
                    soldOut[productId] = true;
                    continue;
                }

                var (paid, _) = await cluster.RetryAsync(
                    "mutation($input: PayOrderInput!) { payOrder(input: $input) { order { status } errors { code message } } }",
                    new { input = new { orderId, method = "CARD", cardToken = token, idempotencyKey = "pay-" + orderId } },
                    null, s_retryWindow, stop.Token);
                acknowledged.Add((orderId, productId, paid["payOrder"]!["order"]?["status"]?.GetValue<string>() ?? paid["payOrder"]!.ToJsonString()));
                if (Volatile.Read(ref killedAt) is var kill and > 0 && started > kill)
                {
                    var took = Stopwatch.GetElapsedTime(started);
                    lock (acknowledged)
                    {
                        slowestAfterKill = took > slowestAfterKill ? took : slowestAfterKill;
                    }
                }
            }
        }

        var shoppers = Enumerable.Range(0, 12).Select(ShopperAsync).ToArray();
        while (acknowledged.Count < 30 && !shoppers.All(s => s.IsCompleted))
        {
            await Task.Delay(50, Ct);
        }

        var beforeKill = acknowledged.Count;
        cluster.Kill(2);
        Volatile.Write(ref killedAt, Stopwatch.GetTimestamp());
        await Task.WhenAll(shoppers);

        Assert.True(soldOut.Count == products.Length, $"the shoppers stopped before selling out: {acknowledged.Count} orders.{cluster.Output()}");
        Assert.True(acknowledged.Count > beforeKill, "no order was placed after the kill");
        var orders = acknowledged.ToArray();
        Assert.Equal(orders.Length, orders.Select(o => o.OrderId).Distinct().Count());
        Assert.All(orders, o => Assert.Equal("PAID", o.Status));

        // Every acknowledged order exists, paid; each product sold exactly what was acknowledged and nothing is reserved.
        foreach (var order in orders)
        {
            var stored = (await cluster.DataAsync(0, "query($id: ID!) { order(id: $id) { status lines { quantity } } }", new { id = order.OrderId }, admin, Ct))["order"]!;
            Assert.Equal("PAID", stored["status"]!.GetValue<string>());
            Assert.Equal(1, stored["lines"]![0]!["quantity"]!.GetValue<int>());
        }

        // A paid order whose stock grain was on the killed node confirms its sale once it can reach the grain again:
        // within seconds (the order retries the step), not at its next reminder tick.
        foreach (var productId in products)
        {
            var sold = orders.Count(o => o.ProductId == productId);
            var settled = Stopwatch.StartNew();
            var stock = await cluster.StockAsync(1, productId, admin, Ct);
            while (stock.Reserved > 0 && settled.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(250, Ct);
                stock = await cluster.StockAsync(1, productId, admin, Ct);
            }

            Assert.Equal((0, stockEach - sold, 0), stock);
            Assert.Equal(stockEach, sold);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{orders.Length} orders ({beforeKill} before the kill); slowest checkout+payment started after the kill: {slowestAfterKill.TotalMilliseconds:0} ms");
        Assert.True(slowestAfterKill < s_retryWindow, $"an order took {slowestAfterKill} after the kill");
    }

    [Fact]
    public async Task Restarting_every_node_in_turn_under_load_fails_no_idempotent_request()
    {
        postgres.RequireServer();
        await using var cluster = await ShopCluster.StartAsync(postgres, 3, Ct);
        var admin = await cluster.AdminTokenAsync(Ct);
        var products = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            products.Add(await cluster.CreateProductAsync(i % 3, admin, 10 + i, Ct));
        }

        var carts = new List<(string Id, int Items)>();
        for (var i = 0; i < 6; i++)
        {
            var cart = (await cluster.DataAsync(
                i % 3,
                "mutation($input: AddCartItemInput!) { addCartItem(input: $input) { cart { id itemCount } } }",
                new { input = new { productId = products[i], quantity = 1 + i } }, cancellationToken: Ct))["addCartItem"]!["cart"]!;
            carts.Add((cart["id"]!.GetValue<string>(), cart["itemCount"]!.GetValue<int>()));
        }

        var requests = 0;
        var retried = 0;
        var failures = new ConcurrentBag<string>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        async Task ReaderAsync(int worker)
        {
            var turn = worker;
            while (!stop.IsCancellationRequested)
            {
                turn++;
                try
                {
                    JsonNode data;
                    int failed;
                    if (turn % 2 == 0)
                    {
                        var i = turn % products.Count;
                        (data, failed) = await cluster.RetryAsync(
                            "query($id: ID) { product(id: $id) { id stock { available } } }", new { id = products[i] }, null, s_retryWindow, stop.Token);
                        Assert.Equal(10 + i, data["product"]!["stock"]!["available"]!.GetValue<int>());
                    }
                    else
                    {
                        var (id, items) = carts[turn % carts.Count];
                        (data, failed) = await cluster.RetryAsync("query($id: ID) { cart(id: $id) { itemCount } }", new { id }, null, s_retryWindow, stop.Token);
                        Assert.Equal(items, data["cart"]!["itemCount"]!.GetValue<int>());
                    }

                    Interlocked.Increment(ref requests);
                    if (failed > 0)
                    {
                        Interlocked.Increment(ref retried);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    failures.Add(ex.Message);
                }
            }
        }

        var readers = Enumerable.Range(0, 6).Select(ReaderAsync).ToArray();
        await Task.Delay(1000, Ct);
        for (var node = 0; node < cluster.Size; node++)
        {
            Assert.Equal(0, await cluster.StopNodeAsync(node, Ct));
            await cluster.StartNodeAsync(node, Ct);
            await Task.Delay(1000, Ct);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        TestContext.Current.TestOutputHelper?.WriteLine($"{requests} reads during the rolling restart; {retried} needed a retry on another node");
        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Take(5)) + cluster.Output());
        Assert.True(requests > 100, $"only {requests} reads completed");
    }
}
