using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Npgsql;
using OrleansShop.Cluster.Tests.Support;
using OrleansShop.Testing;

namespace OrleansShop.Cluster.Tests;

/// <summary>
/// The Azure mode's membership (OrleansShop__Cluster__Provider=AzureStorage) on a real Azurite table service: two API
/// processes co-hosting silos and a third as a cluster client finding their gateways in the table; grain state in
/// PostgreSQL, membership in the Azure table only.
/// </summary>
public sealed class AzureTableClusteringTests(PostgresServerFixture postgres)
{
    private const string Table = "OrleansShopSilos";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_silos_on_Azure_Table_membership_serve_the_grains_of_one_killed_with_kill_9_to_themselves_and_a_client()
    {
        postgres.RequireServer();
        await using var azurite = await AzuriteServer.StartAsync(AzuriteService.Table, Ct);
        var clusterId = "azure-" + Guid.NewGuid().ToString("N")[..8];
        await using var cluster = await ShopCluster.StartAsync(
            postgres,
            [NodeRole.Api, NodeRole.Api, NodeRole.ApiClient],
            new Dictionary<string, string>
            {
                ["OrleansShop__Cluster__Provider"] = "AzureStorage",
                ["OrleansShop__Cluster__AzureStorage__ConnectionString"] = azurite.ConnectionString,
                ["OrleansShop__Cluster__AzureStorage__TableName"] = Table,
                ["OrleansShop__Cluster__ClusterId"] = clusterId,
            },
            Ct);
        var membership = new TableClient(azurite.ConnectionString, Table);

        // Both silos are in the Azure table (the client is no member), and none in the database's ADO.NET membership table.
        var started = await StatusesAsync(membership, clusterId);
        Assert.True(started.SequenceEqual(["Active", "Active"]), $"the table lists {string.Join(", ", started)}{cluster.Output()}");
        Assert.Equal(0, await AdoNetMembersAsync(cluster.ConnectionString));

        // Through the node about to die: stock grains (hash-placed, so about half on each silo) and guest carts (Orleans'
        // default placement, which favours the caller's silo).
        var admin = await cluster.AdminTokenAsync(Ct);
        var products = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            products.Add(await cluster.CreateProductAsync(1, admin, initialStock: 10 + i, Ct));
        }

        var carts = new List<string>();
        foreach (var productId in products)
        {
            var cart = (await cluster.DataAsync(
                1,
                "mutation($input: AddCartItemInput!) { addCartItem(input: $input) { cart { id } errors { code } } }",
                new { input = new { productId, quantity = 2 } }, cancellationToken: Ct))["addCartItem"]!["cart"]!;
            carts.Add(cart["id"]!.GetValue<string>());
        }

        cluster.Kill(1);
        var killed = Stopwatch.StartNew();

        // The surviving silo serves every one of them, reads (through node 0 and the client in turn) and writes, once the
        // table says the other silo is dead.
        var stock = await Task.WhenAll(products.Select(async id =>
            (await cluster.RetryAsync("query($id: ID) { product(id: $id) { stock { available } } }", new { id }, admin, TimeSpan.FromSeconds(30), Ct))
                .Data["product"]!["stock"]!["available"]!.GetValue<int>()));
        var readsAfter = killed.Elapsed;
        Assert.Equal(Enumerable.Range(10, 6), stock);
        for (var i = 0; i < carts.Count; i++)
        {
            var added = (await cluster.DataAsync(
                0,
                "mutation($input: AddCartItemInput!) { addCartItem(input: $input) { cart { itemCount } errors { code } } }",
                new { input = new { cartId = carts[i], productId = products[i], quantity = 1 } }, cancellationToken: Ct))["addCartItem"]!;
            Assert.Equal(3, added["cart"]!["itemCount"]!.GetValue<int>());
        }

        var dead = Stopwatch.StartNew();
        string[] statuses;
        while ((statuses = await StatusesAsync(membership, clusterId)).Count(s => s == "Dead") != 1)
        {
            Assert.True(dead.Elapsed < TimeSpan.FromSeconds(30), $"the killed silo is not Dead in the table: {string.Join(", ", statuses)}{cluster.Output()}");
            await Task.Delay(200, Ct);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"after kill -9: every stock grain answered on the other silo after {readsAfter.TotalMilliseconds:0} ms; Dead in the Azure table by {killed.ElapsedMilliseconds} ms"));
        Assert.True(statuses.Order().SequenceEqual(["Active", "Dead"]), $"the table lists {string.Join(", ", statuses)}{cluster.Output()}");
        using var http = new HttpClient();
        foreach (var node in new[] { 0, 2 })
        {
            using var ready = await http.GetAsync(new Uri(cluster.Node(node).BaseAddress, "health/ready"), Ct);
            Assert.True(ready.IsSuccessStatusCode, $"node {node}: {await ready.Content.ReadAsStringAsync(Ct)}");
        }

        var throughClient = (await cluster.DataAsync(2, "query($id: ID) { cart(id: $id) { itemCount } }", new { id = carts[0] }, admin, Ct))["cart"]!;
        Assert.Equal(3, throughClient["itemCount"]!.GetValue<int>());

        // With the last silo gone too the client has no gateway: not ready, though alive.
        cluster.Kill(0);
        var unready = Stopwatch.StartNew();
        while (true)
        {
            using var ready = await http.GetAsync(new Uri(cluster.Node(2).BaseAddress, "health/ready"), Ct);
            if (ready.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
            {
                break;
            }

            Assert.True(unready.Elapsed < TimeSpan.FromSeconds(30), $"the client still reports ready 30 s after the last silo died{cluster.Output()}");
            await Task.Delay(200, Ct);
        }

        using var live = await http.GetAsync(new Uri(cluster.Node(2).BaseAddress, "health/live"), Ct);
        Assert.True(live.IsSuccessStatusCode);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the client reported not ready {unready.ElapsedMilliseconds} ms after the last silo died"));
    }

    /// <summary>The Status of each silo row of the cluster (Orleans keeps a version row beside them).</summary>
    private static async Task<string[]> StatusesAsync(TableClient membership, string clusterId)
    {
        var statuses = new List<string>();
        await foreach (var row in membership.QueryAsync<TableEntity>(e => e.PartitionKey == clusterId, cancellationToken: Ct))
        {
            if (row.GetString("Status") is { } status)
            {
                statuses.Add(status);
            }
        }

        return [.. statuses];
    }

    private static async Task<long> AdoNetMembersAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM OrleansMembershipTable", connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
