using System.Text.Json;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>
/// Nitro, the IDE at /graphql, in headless Chromium with every request off the machine refused: it loads the schema from
/// the API and runs a query against the shop.
/// </summary>
public sealed class NitroBrowserTests(SharedShopServer fixture)
{
    [Fact]
    public async Task Nitro_loads_the_schema_and_runs_a_query_with_no_internet_access()
    {
        if (!File.Exists(NodeTools.Chromium))
        {
            NodeTools.Unavailable($"Chromium is needed at {NodeTools.Chromium} (apt-get install chromium).");
        }

        var server = fixture.Server;
        var sku = "SKU-" + Guid.NewGuid().ToString("N")[..10];
        await server.CreateProductAsync(name: "Nitro kettle " + sku);
        var endpoint = new Uri(server.Http.BaseAddress!, "/graphql").ToString();
        var screenshots = Directory.CreateTempSubdirectory("nitro-").FullName;

        var output = await NodeTools.RunScriptAsync(
            "nitro.mjs",
            [endpoint, $"{{ products(search: \"{sku}\", first: 5) {{ nodes {{ name }} }} }}", $"\"name\": \"Nitro kettle {sku}\"", screenshots],
            TimeSpan.FromMinutes(3));

        using var report = JsonDocument.Parse(output);
        var root = report.RootElement;
        var context = $"Screenshots in {screenshots}. Report: {output}";
        Assert.True(root.GetProperty("error").ValueKind == JsonValueKind.Null, context);
        Assert.Equal(["schema loaded", "query shown"], root.GetProperty("steps").EnumerateArray().Select(s => s.GetString()).Where(s => s!.EndsWith("shown", StringComparison.Ordinal) || s == "schema loaded"));
        Assert.Contains(root.GetProperty("requests").EnumerateArray(), r => r.GetProperty("method").GetString() == "POST"
            && (r.GetProperty("body").GetString() ?? string.Empty).Contains(sku, StringComparison.Ordinal));
        ShopServer.TryDelete(screenshots);
    }
}
