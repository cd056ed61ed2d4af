using System.Net;
using System.Text.Json.Nodes;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>
/// OrleansShop:Warmup: a new API process runs catalog reads through its GraphQL executor before /health/ready lets a load
/// balancer send it traffic, and no client's query-cost budget pays for them.
/// </summary>
public sealed class WarmupTests
{
    private const int Reads = 3000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_waits_for_the_catalog_warm_up_whose_reads_no_clients_budget_pays_for()
    {
        await using var server = await ShopServer.StartAsync(seedDemo: true, settings:
        [
            "OrleansShop:Demo:Products=20",
            "OrleansShop:Warmup:Requests=" + Reads,
            // Enough for a few catalog pages: charged to a client's budget, the warm-up would be refused within its first reads.
            "OrleansShop:RateLimiting:QueryCost:Anonymous:Capacity=2000",
        ]);

        var warming = new List<string>();
        JsonNode ready;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            using var response = await server.Http.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
            var warmup = body["checks"]!["warmup"]!;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                ready = warmup;
                break;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("Unhealthy", warmup["status"]!.GetValue<string>());
            warming.Add(warmup["description"]!.GetValue<string>());
            Assert.True(DateTime.UtcNow < deadline, $"not ready within 90 s: {body.ToJsonString()}");
            await Task.Delay(50, Ct);
        }

        Assert.NotEmpty(warming);
        Assert.All(warming, description => Assert.Matches($@"^warming up: \d+ of {Reads} catalog reads$", description));
        Assert.Equal("Healthy", ready["status"]!.GetValue<string>());
        Assert.Matches($@"^warm: {Reads} catalog reads in \d+ ms, 0 failed$", ready["description"]!.GetValue<string>());

        // The shoppers' budget is untouched by it: a client's first catalog page is served.
        var page = await server.PostAsync("{ products(first: 20) { nodes { name } } }");
        Assert.Null(page["errors"]);
    }

    [Fact]
    public async Task A_warm_up_longer_than_its_timeout_is_cut_short_and_the_process_reports_ready_all_the_same()
    {
        await using var server = await ShopServer.StartAsync(settings:
        [
            "OrleansShop:Warmup:Requests=100000000",
            "OrleansShop:Warmup:Timeout=00:00:03",
        ]);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var response = await server.Http.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Matches(@"^warm-up cut short at 00:00:03: \d+ catalog reads in \d+ ms, 0 failed$", body["checks"]!["warmup"]!["description"]!.GetValue<string>());
                break;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"not ready within 60 s: {body.ToJsonString()}");
            await Task.Delay(100, Ct);
        }
    }
}
