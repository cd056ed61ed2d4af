using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansShop.GraphQL.AspNetCore.Ide;
using OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure;

namespace OrleansShop.GraphQL.AspNetCore.Tests;

/// <summary>The GraphiQL page the endpoint serves, in headless Chromium: it loads from the app alone and talks http and ws to it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GraphiQLBrowserTests
{
    [Fact]
    public async Task Graphiql_served_by_the_endpoint_runs_a_query_and_a_subscription()
    {
        if (!File.Exists(NodeTools.Chromium))
        {
            NodeTools.Unavailable($"Chromium is needed at {NodeTools.Chromium} (apt-get install chromium).");
        }

        await using var host = await GraphQLTestHost.StartAsync();
        if (!host.Services.GetRequiredService<IdeAssets>().IsAvailable)
        {
            NodeTools.Unavailable("GraphiQL was not built into the transport assembly (no npm at build time).");
        }

        var screenshots = Path.Combine(Path.GetTempPath(), "graphiql-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(screenshots);

        var output = await NodeTools.RunScriptAsync("graphiql.mjs", [host.GraphQLUri.ToString(), screenshots], TimeSpan.FromMinutes(3));

        using var report = JsonDocument.Parse(output);
        var root = report.RootElement;
        Assert.True(root.GetProperty("error").ValueKind == JsonValueKind.Null, $"Screenshots in {screenshots}. Report: {output}");
        Assert.Equal(["rendered", "query shown", "subscription shown"], root.GetProperty("steps").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains(root.GetProperty("requests").EnumerateArray(), r =>
            r.GetProperty("method").GetString() == "POST"
            && (r.GetProperty("body").GetString() ?? string.Empty).Contains("IntrospectionQuery", StringComparison.Ordinal)
            && (r.GetProperty("accept").GetString() ?? string.Empty).StartsWith("application/graphql-response+json", StringComparison.Ordinal));
        Assert.Contains(root.GetProperty("frames").EnumerateArray(), f => (f.GetProperty("data").GetString() ?? string.Empty).Contains("\"counter\":3", StringComparison.Ordinal));
        Directory.Delete(screenshots, recursive: true);
    }
}
