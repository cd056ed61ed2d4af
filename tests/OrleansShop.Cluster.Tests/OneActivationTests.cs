using System.Text.Json.Nodes;
using System.Threading.Channels;
using OrleansShop.Api.Tests.Support;
using OrleansShop.Cluster.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Cluster.Tests;

/// <summary>Three API processes on one database: whichever node a request reaches, a grain id has one activation.</summary>
public sealed class OneActivationTests(PostgresServerFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Carts_and_stock_touched_through_every_node_behave_as_one_grain_each()
    {
        postgres.RequireServer();
        await using var cluster = await ShopCluster.StartAsync(postgres, 3, Ct);
        var admin = await cluster.AdminTokenAsync(Ct);
        var productId = await cluster.CreateProductAsync(1, admin, initialStock: 40, Ct);

        // One customer's cart, added to through all three nodes at once: every add lands on the one cart.
        var registered = (await cluster.DataAsync(
            2,
            "mutation($input: RegisterInput!) { register(input: $input) { accessToken errors { code message } } }",
            new { input = new { email = $"c{Guid.NewGuid():N}@cluster.test", password = "a-good-long-password", displayName = "Clusterer" } },
            cancellationToken: Ct))["register"]!;
        var customer = registered["accessToken"]!.GetValue<string>();
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => cluster.DataAsync(
            i % 3,
            "mutation($input: AddCartItemInput!) { addCartItem(input: $input) { errors { code } } }",
            new { input = new { productId, quantity = 1 } },
            customer, Ct)));
        for (var node = 0; node < 3; node++)
        {
            var cart = (await cluster.DataAsync(node, "{ cart { itemCount lines { quantity } } }", token: customer, cancellationToken: Ct))["cart"]!;
            Assert.Equal(30, cart["itemCount"]!.GetValue<int>());
        }

        // 60 guests race for 40 in stock, each through two different nodes: exactly 40 orders, and no stock left.
        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            var added = (await cluster.DataAsync(
                i % 3,
                "mutation($input: AddCartItemInput!) { addCartItem(input: $input) { cart { id } errors { code } } }",
                new { input = new { productId, quantity = 1 } }, cancellationToken: Ct))["addCartItem"]!;
            if (added["cart"]?["id"]?.GetValue<string>() is not { } cartId)
            {
                // Sold out before this guest's add: the cart refuses what checkout could not sell.
                return added["errors"]![0]!["code"]!.GetValue<string>();
            }

            var checkout = (await cluster.DataAsync(
                (i + 1) % 3,
                "mutation($input: CheckoutInput!) { checkout(input: $input) { order { id } errors { code } } }",
                new { input = new { cartId, email = $"g{i}@cluster.test", shippingAddress = ShopCluster.Address, idempotencyKey = Guid.NewGuid().ToString() } },
                cancellationToken: Ct))["checkout"]!;
            return checkout["order"]?["id"]?.GetValue<string>() ?? checkout["errors"]![0]!["code"]!.GetValue<string>();
        }));

        Assert.Equal(40, results.Count(r => r != "OUT_OF_STOCK"));
        Assert.Equal(40, results.Where(r => r != "OUT_OF_STOCK").Distinct().Count());
        for (var node = 0; node < 3; node++)
        {
            Assert.Equal((0, 40, 40), await cluster.StockAsync(node, productId, admin, Ct));
        }
    }

    [Fact]
    public async Task A_subscription_on_one_node_sees_stock_changes_made_through_another()
    {
        postgres.RequireServer();
        await using var cluster = await ShopCluster.StartAsync(postgres, 3, Ct);
        var admin = await cluster.AdminTokenAsync(Ct);

        // Six products: their stock grains spread over the three silos, so most publish on a silo other than node 1's.
        var products = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            products.Add(await cluster.CreateProductAsync(i % 3, admin, initialStock: 20, Ct));
        }

        await using var socket = await GraphQLSocket.ConnectAsync(new Uri($"ws://127.0.0.1:{cluster.Node(1).HttpPort}/graphql"));
        var inbox = Channel.CreateUnbounded<JsonNode>();
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var reader = Task.Run(async () =>
        {
            try
            {
                while (!stopReading.IsCancellationRequested)
                {
                    await inbox.Writer.WriteAsync(await socket.ReceiveAsync(), stopReading.Token);
                }
            }
            catch (Exception)
            {
                inbox.Writer.TryComplete();
            }
        }, Ct);

        for (var i = 0; i < products.Count; i++)
        {
            await socket.SubscribeAsync($"s{i}", "subscription($id: ID!) { stockChanged(productId: $id) { available } }", new { id = products[i] });
        }

        for (var i = 0; i < products.Count; i++)
        {
            // The subscription is live once a change made through node 2 reaches the socket on node 1.
            var expected = 20;
            int? seen = null;
            for (var poke = 0; poke < 40 && seen is null; poke++)
            {
                await cluster.DataAsync(
                    2, "mutation($input: AdjustStockInput!) { adjustStock(input: $input) { errors { code } } }",
                    new { input = new { productId = products[i], delta = 1, reason = "poke" } }, admin, Ct);
                expected++;
                seen = await NextLevelAsync(inbox, $"s{i}", TimeSpan.FromMilliseconds(500));
            }

            Assert.NotNull(seen);
            while (seen != expected)
            {
                seen = await NextLevelAsync(inbox, $"s{i}", TimeSpan.FromSeconds(10)) ?? throw new TimeoutException($"stock level {expected} never arrived for s{i}");
            }

            // A guest checkout through node 2 reserves 2: node 1's subscriber sees the new level.
            var cartId = (await cluster.DataAsync(
                2, "mutation($input: AddCartItemInput!) { addCartItem(input: $input) { cart { id } } }",
                new { input = new { productId = products[i], quantity = 2 } }, cancellationToken: Ct))["addCartItem"]!["cart"]!["id"]!.GetValue<string>();
            var checkout = (await cluster.DataAsync(
                0, "mutation($input: CheckoutInput!) { checkout(input: $input) { order { id } errors { code } } }",
                new { input = new { cartId, email = "sub@cluster.test", shippingAddress = ShopCluster.Address, idempotencyKey = Guid.NewGuid().ToString() } },
                cancellationToken: Ct))["checkout"]!;
            Assert.Empty(checkout["errors"]!.AsArray());
            Assert.Equal(expected - 2, await NextLevelAsync(inbox, $"s{i}", TimeSpan.FromSeconds(10)));
        }

        await stopReading.CancelAsync();
    }

    private static async Task<int?> NextLevelAsync(Channel<JsonNode> inbox, string id, TimeSpan within)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(within);
        try
        {
            while (true)
            {
                var message = await inbox.Reader.ReadAsync(limit.Token);
                Assert.Equal("next", message["type"]!.GetValue<string>());
                if (message["id"]!.GetValue<string>() == id)
                {
                    return message["payload"]!["data"]!["stockChanged"]!["available"]!.GetValue<int>();
                }
            }
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
