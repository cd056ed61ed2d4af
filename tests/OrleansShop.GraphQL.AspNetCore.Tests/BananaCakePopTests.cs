using System.Text.Json;
using Microsoft.AspNetCore.Cors.Infrastructure;
using OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure;

namespace OrleansShop.GraphQL.AspNetCore.Tests;

/// <summary>
/// Banana Cake Pop, the IDE HotChocolate users know, in headless Chromium: served from its npm package on another origin
/// (so CORS matters), it introspects the server, then runs a query and a mutation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BananaCakePopTests
{
    [Fact]
    public async Task Banana_cake_pop_introspects_the_schema_and_runs_a_query_and_a_mutation()
    {
        if (!File.Exists(NodeTools.Chromium))
        {
            NodeTools.Unavailable($"Chromium is needed at {NodeTools.Chromium} (apt-get install chromium).");
        }

        await using var host = await GraphQLTestHost.StartAsync(o => o.Cors = new CorsPolicyBuilder()
            .SetIsOriginAllowed(origin => origin.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            .AllowAnyHeader()
            .AllowAnyMethod()
            .Build());
        var screenshots = Path.Combine(Path.GetTempPath(), "bcp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(screenshots);

        var output = await NodeTools.RunScriptAsync("bcp.mjs", [host.GraphQLUri.ToString(), host.WebSocketUri.ToString(), screenshots], TimeSpan.FromMinutes(3));

        using var report = JsonDocument.Parse(output);
        var root = report.RootElement;
        var context = $"Screenshots in {screenshots}. Report: {output}";
        Assert.True(root.GetProperty("error").ValueKind == JsonValueKind.Null, context);
        Assert.Equal(["schema loaded", "query shown", "mutation shown", "subscription shown"], root.GetProperty("steps").EnumerateArray().Select(s => s.GetString()));

        var bodies = root.GetProperty("requests").EnumerateArray().Select(r => r.GetProperty("body").GetString() ?? string.Empty).ToList();
        Assert.Contains(bodies, b => b.Contains("__type(name:", StringComparison.Ordinal) && b.Contains("__Schema", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Contains("__schema", StringComparison.Ordinal) && b.Contains("fragment FullType", StringComparison.Ordinal));
        Assert.Contains("banana", host.Feed.Items);

        var frames = root.GetProperty("frames").EnumerateArray().Select(f => f.GetProperty("data").GetString() ?? string.Empty).ToList();
        Assert.Contains(frames, f => f.Contains("\"type\":\"connection_ack\"", StringComparison.Ordinal));
        Assert.Contains(frames, f => f.Contains("\"counter\":3", StringComparison.Ordinal));
        Directory.Delete(screenshots, recursive: true);
    }
}
