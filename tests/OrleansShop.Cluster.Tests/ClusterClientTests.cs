using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;
using OrleansShop.Cluster.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Cluster.Tests;

/// <summary>Two silo hosts (silo/) and the API apart from them as a cluster client (OrleansShop__Cluster__Mode=Client).</summary>
public sealed class ClusterClientTests(PostgresServerFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
        // Three missed probes of 2 s make about 6 s; Orleans' defaults (5 s probes) take 15 s or more. 12 s leaves room for
        // a loaded 2-core machine (9.3 s seen) and still fails if the tuning is lost.
        Assert.True(dead < TimeSpan.FromSeconds(12), $"the killed silo was declared dead only after {dead} (the tuned membership aims at about 6 s)");
        Assert.Equal(4, reads[0].Available);
        Assert.Equal(Enumerable.Range(1, 7), reads.Skip(1).Select(r => r.Available));
        Assert.Equal("PAID", await BuyAsync(cluster, productId));
        Assert.Equal((3, 3, 0), await cluster.StockAsync(api, productId, admin, Ct));
    }

    [Fact]
    public async Task An_api_running_as_a_cluster_client_warms_up_through_its_gateway_before_it_reports_ready()
    {
        postgres.RequireServer();
        const int reads = 500;
        await using var cluster = await ShopCluster.StartAsync(
            postgres, [NodeRole.Silo, NodeRole.ApiClient], new Dictionary<string, string> { ["OrleansShop__Warmup__Requests"] = $"{reads}" }, Ct);
        const int api = 1;

        // As Azure runs the API: its reads reach the grains through a gateway, and it is ready only once they are done.
        var clock = Stopwatch.StartNew();
        var (status, body) = await cluster.GetAsync(api, "health/ready", Ct);
        while (status != HttpStatusCode.OK)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"not ready within 60 s: {body}{cluster.Output()}");
            Assert.Contains("warming up", body, StringComparison.Ordinal);
            await Task.Delay(100, Ct);
            (status, body) = await cluster.GetAsync(api, "health/ready", Ct);
        }

        var warmup = System.Text.Json.Nodes.JsonNode.Parse(body)!["checks"]!["warmup"]!;
        Assert.Matches($@"^warm: {reads} catalog reads in \d+ ms, 0 failed$", warmup["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_api_running_as_a_cluster_client_stays_up_without_any_silo_and_serves_again_once_one_is_back()
    {
        postgres.RequireServer();
        await using var cluster = await ShopCluster.StartAsync(postgres, [NodeRole.Silo, NodeRole.ApiClient], Ct);
        const int silo = 0, api = 1;
        var admin = await cluster.AdminTokenAsync(Ct);
        var productId = await cluster.CreateProductAsync(api, admin, initialStock: 5, Ct);
        Assert.Equal(HttpStatusCode.OK, await cluster.StatusAsync(api, "health/ready", Ct));

        // Its only gateway gone, the API says it is not ready (a load balancer stops sending it shoppers) and stays up:
        // a process manager restarting it would not bring a silo back, and a restart could not even start without one.
        cluster.Kill(silo);
        await WaitForStatusAsync(cluster, api, "health/ready", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, await cluster.StatusAsync(api, "health/live", Ct));

        // The silo host comes back on a new gateway port, which the client finds in the membership table.
        await cluster.StartNodeAsync(silo, Ct);
        var (data, _) = await cluster.RetryAsync(
            "query($id: ID) { product(id: $id) { stock { available } } }", new { id = productId }, admin, TimeSpan.FromSeconds(60), Ct);
        Assert.Equal(5, data["product"]!["stock"]!["available"]!.GetValue<int>());
        await WaitForStatusAsync(cluster, api, "health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        Assert.Equal("PAID", await BuyAsync(cluster, productId));
        Assert.True(cluster.IsUp(api), "the client API exited" + cluster.Output());
    }

    private static async Task WaitForStatusAsync(ShopCluster cluster, int index, string path, HttpStatusCode expected, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            string last;
            try
            {
                var status = await cluster.StatusAsync(index, path, Ct);
                if (status == expected)
                {
                    return;
                }

                last = ((int)status).ToString(CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }

            Assert.True(cluster.IsUp(index), $"node {index} exited while /{path} was awaited.{cluster.Output()}");
            Assert.True(clock.Elapsed < within, $"/{path} on node {index} answered {last}, not {(int)expected}, for {within}.{cluster.Output()}");
            await Task.Delay(200, Ct);
        }
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
