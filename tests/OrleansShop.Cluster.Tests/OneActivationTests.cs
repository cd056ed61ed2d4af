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
            var cartId = (await cluster.DataAsync(
                i % 3,
                "mutation($input: AddCartItemInput!) { addCartItem(input: $input) { cart { id } errors { code } } }",
                new { input = new { productId, quantity = 1 } }, cancellationToken: Ct))["addCartItem"]!["cart"]!["id"]!.GetValue<string>();
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
}
