using System.Diagnostics;
using System.Globalization;
using Npgsql;
using OrleansShop.Cluster.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Cluster.Tests;

/// <summary>Two silo hosts (silo/) and the API apart from them as a cluster client (OrleansShop__Cluster__Mode=Client).</summary>
public sealed class ClusterClientTests(PostgresServerFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Quarantined, a known bug, not a passing test: in 2 of the last 6 clean-clone CI runs (2026-12-06) the client-mode API
    // process exited, silently, seconds after one silo host's kill -9; it passed in the other 4 and 4 times alone. Remove
    // the Skip once the exit is explained (README status, "Multi-silo cluster").
    [Fact]
    public async Task An_api_running_as_a_cluster_client_sells_through_the_silo_hosts_and_survives_losing_one()
    {
        postgres.RequireServer();
        await using var cluster = await ShopCluster.StartAsync(postgres, [NodeRole.Silo, NodeRole.Silo, NodeRole.ApiClient], Ct);
        const int api = 2;
        var admin = await cluster.AdminTokenAsync(Ct);
        var productId = await cluster.CreateProductAsync(api, admin, initialStock: 5, Ct);

        Assert.Equal("PAID", await BuyAsync(cluster, productId));
        Assert.Equal((4, 4, 0), await cluster.StockAsync(api, productId, admin, Ct));

        // The client is no member: the table holds the two silo hosts only.
        Assert.Equal(["3", "3"], await MembershipStatusesAsync(cluster));

        // More stock grains, so that some surely live on the silo about to die (each lands on one of the two).
        var others = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            others.Add(await cluster.CreateProductAsync(api, admin, initialStock: 1 + i, Ct));
        }

        // One silo host dies; once it is declared dead the other serves its grains, and the API goes on through it.
        cluster.Kill(1);
        var killed = Stopwatch.StartNew();
        var declaredDead = DeclaredDeadAfterAsync(cluster, killed, Ct);
        var reads = await Task.WhenAll(others.Prepend(productId).Select(async id =>
        {
            var (data, _) = await cluster.RetryAsync(
                "query($id: ID) { product(id: $id) { stock { available } } }", new { id }, admin, TimeSpan.FromSeconds(30), Ct);
            return (Available: data["product"]!["stock"]!["available"]!.GetValue<int>(), Elapsed: killed.Elapsed);
        }));
        var recovered = reads.Max(r => r.Elapsed);
        var dead = await declaredDead;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"after kill -9: silo declared dead in the table after {dead.TotalMilliseconds:0} ms; every stock grain answered again after {recovered.TotalMilliseconds:0} ms "
            + $"(each: {string.Join(", ", reads.Select(r => r.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)))} ms)");
        Assert.True(dead < TimeSpan.FromSeconds(10), $"the killed silo was declared dead only after {dead} (the tuned membership aims at about 5 s)");
        Assert.Equal(4, reads[0].Available);
        Assert.Equal(Enumerable.Range(1, 7), reads.Skip(1).Select(r => r.Available));
        Assert.Equal("PAID", await BuyAsync(cluster, productId));
        Assert.Equal((3, 3, 0), await cluster.StockAsync(api, productId, admin, Ct));
    }

    private static async Task<string> BuyAsync(ShopCluster cluster, string productId)
    {
        var (added, _) = await cluster.RetryAsync(
            "mutation($input: AddCartItemInput!) { addCartItem(input: $input) { cart { id } errors { code } } }",
            new { input = new { productId, quantity = 1 } }, null, TimeSpan.FromSeconds(30), Ct);
        var cartId = added["addCartItem"]!["cart"]!["id"]!.GetValue<string>();
        var (placed, _) = await cluster.RetryAsync(
            "mutation($input: CheckoutInput!) { checkout(input: $input) { order { id } errors { code message } } }",
            new { input = new { cartId, email = "client@cluster.test", shippingAddress = ShopCluster.Address, idempotencyKey = "c-" + cartId } },
            null, TimeSpan.FromSeconds(30), Ct);
        var orderId = placed["checkout"]!["order"]!["id"]!.GetValue<string>();
        var token = await cluster.TokenizeAsync(Ct);
        var (paid, _) = await cluster.RetryAsync(
            "mutation($input: PayOrderInput!) { payOrder(input: $input) { order { status } errors { code message } } }",
            new { input = new { orderId, method = "CARD", cardToken = token, idempotencyKey = "p-" + orderId } },
            null, TimeSpan.FromSeconds(30), Ct);
        return paid["payOrder"]!["order"]!["status"]!.GetValue<string>();
    }

    /// <summary>When the membership table first lists a silo as Dead (6), measured on <paramref name="since"/>.</summary>
    private static async Task<TimeSpan> DeclaredDeadAfterAsync(ShopCluster cluster, Stopwatch since, CancellationToken cancellationToken)
    {
        while (!(await MembershipStatusesAsync(cluster)).Contains("6"))
        {
            Assert.True(since.Elapsed < TimeSpan.FromSeconds(30), "the killed silo was not declared dead within 30 s");
            await Task.Delay(100, cancellationToken);
        }

        return since.Elapsed;
    }

    private static async Task<string[]> MembershipStatusesAsync(ShopCluster cluster)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT status FROM OrleansMembershipTable WHERE DeploymentId = 'test' ORDER BY port", connection);
        var statuses = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            statuses.Add(reader.GetValue(0).ToString()!);
        }

        return [.. statuses];
    }
}
