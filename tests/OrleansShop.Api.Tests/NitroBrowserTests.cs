using System.Text.Json;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>
/// Nitro, the IDE at /graphql, in headless Chromium with every request off the machine refused, used as an admin would:
/// it loads the schema from the API, runs a query, runs a mutation that is refused without a token and goes through
/// with a bearer token in the document's HTTP headers, and shows a subscription's event when another client changes
/// the data.
/// </summary>
public sealed class NitroBrowserTests(SharedShopServer fixture)
{
    private const int Restock = 7;

    [Fact]
    public async Task Nitro_runs_a_query_a_mutation_with_a_bearer_token_and_a_subscription_with_no_internet_access()
    {
        if (!File.Exists(NodeTools.Chromium))
        {
            NodeTools.Unavailable($"Chromium is needed at {NodeTools.Chromium} (apt-get install chromium).");
        }

        var server = fixture.Server;
        var admin = await server.AdminTokenAsync();
        var sku = "SKU-" + Guid.NewGuid().ToString("N")[..10];
        var productId = await server.CreateProductAsync(admin, stock: 100, name: "Nitro kettle " + sku);
        var adjust = $"mutation {{ adjustStock(input: {{ productId: \"{productId}\", delta: {Restock}, reason: \"Nitro restock\" }}) {{ product {{ stock {{ onHand }} }} errors {{ code }} }} }}";
        object[] steps =
        [
            new { name = "query", document = $"{{ products(search: \"{sku}\", first: 5) {{ nodes {{ name }} }} }}", expect = $"\"name\": \"Nitro kettle {sku}\"" },
            new { name = "mutation without a token", document = adjust, expect = "\"code\": \"UNAUTHENTICATED\"" },
            new { name = "mutation with a bearer token", document = adjust, expect = $"\"onHand\": {100 + Restock}", headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + admin } },
            new
            {
                name = "subscription",
                document = $"subscription {{ stockChanged(productId: \"{productId}\") {{ available }} }}",
                subscription = true,
                trigger = new
                {
                    query = $"mutation {{ adjustStock(input: {{ productId: \"{productId}\", delta: 1, reason: \"another client\" }}) {{ product {{ stock {{ available }} }} }} }}",
                    token = admin,
                    expectFrom = "data.adjustStock.product.stock.available",
                    expectField = "available",
                },
            },
        ];
        var stepsFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(stepsFile, JsonSerializer.Serialize(steps), TestContext.Current.CancellationToken);
        var screenshots = Directory.CreateTempSubdirectory("nitro-").FullName;
        var endpoint = new Uri(server.Http.BaseAddress!, "/graphql").ToString();

        var output = await NodeTools.RunScriptAsync("nitro.mjs", [endpoint, stepsFile, screenshots], TimeSpan.FromMinutes(3));
        File.Delete(stepsFile);

        using var report = JsonDocument.Parse(output);
        var root = report.RootElement;
        var context = $"Screenshots in {screenshots}. Report: {output}";
        Assert.True(root.GetProperty("error").ValueKind == JsonValueKind.Null, context);
        Assert.Equal(
            ["schema loaded", "query shown", "mutation without a token shown", "mutation with a bearer token shown", "subscription shown"],
            root.GetProperty("steps").EnumerateArray().Select(s => s.GetString()!).Where(s => s.EndsWith(" shown", StringComparison.Ordinal) || s == "schema loaded"));
        // Off the machine Nitro only asks whether ChilliCream's cloud is up (refused: the status bar says Offline); its usage
        // telemetry is turned off by the shop.
        Assert.All(root.GetProperty("external").EnumerateArray(), u => Assert.Equal("https://api.chillicream.com/status", u.GetString()));

        // The IDE itself sent the token with the mutation, and only after it was set in the HTTP Headers tab.
        var mutations = root.GetProperty("requests").EnumerateArray()
            .Where(r => (r.GetProperty("body").GetString() ?? string.Empty).Contains("Nitro restock", StringComparison.Ordinal))
            .Select(r => r.GetProperty("bearer").GetBoolean())
            .ToList();
        Assert.True(mutations.Count >= 2 && !mutations[0] && mutations[^1], context);

        // The subscription went over Nitro's own WebSocket and its event came back on it.
        var frames = root.GetProperty("frames").EnumerateArray().Select(f => f.GetProperty("data").GetString() ?? string.Empty).ToList();
        Assert.Contains(frames, f => f.Contains("\"subscribe\"", StringComparison.Ordinal) && f.Contains(productId, StringComparison.Ordinal));
        Assert.Contains(frames, f => f.Contains("\"next\"", StringComparison.Ordinal) && f.Contains("stockChanged", StringComparison.Ordinal));

        // The refused run changed nothing: on hand is the start, the one restock with the token, and one per trigger.
        var triggers = root.GetProperty("triggers").GetArrayLength();
        var stock = await server.DataAsync($"{{ product(id: \"{productId}\") {{ stock {{ onHand }} }} }}", accessToken: admin);
        Assert.Equal(100 + Restock + triggers, stock["product"]!["stock"]!["onHand"]!.GetValue<int>());
        ShopServer.TryDelete(screenshots);
    }
}
