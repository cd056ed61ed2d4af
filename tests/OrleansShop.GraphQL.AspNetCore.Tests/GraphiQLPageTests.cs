using System.Net;
using System.Text.RegularExpressions;
using OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure;

namespace OrleansShop.GraphQL.AspNetCore.Tests;

/// <summary>A browser's GET on the endpoint gets GraphiQL, served from the assembly with every file it references.</summary>
public sealed partial class GraphiQLPageTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_browser_get_serves_graphiql_pointed_at_the_endpoint_and_its_files_load()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        using var response = await client.SendAsync(request, Cancellation);
        var html = await response.Content.ReadAsStringAsync(Cancellation);
        if (response.StatusCode == HttpStatusCode.NotFound && html.Contains("not built", StringComparison.Ordinal))
        {
            NodeTools.Unavailable("GraphiQL was not built into the transport assembly (no npm at build time).");
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<base href=\"/graphql/ide/\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"graphql-endpoint\" content=\"/graphql\">", html, StringComparison.Ordinal);
        var assets = AssetReference().Matches(html).Select(m => m.Groups["path"].Value).ToList();
        Assert.Contains(assets, a => a.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith(".css", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            using var file = await client.GetAsync(new Uri(new Uri(host.BaseAddress, "/graphql/ide/"), asset), Cancellation);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.True(file.Content.Headers.ContentLength > 0, asset + " is empty");
            Assert.Equal(asset.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript", file.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task An_api_client_get_without_a_query_is_not_served_the_page()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.TryAddWithoutValidation("Accept", "application/json");

        using var response = await client.SendAsync(request, Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Unknown_ide_files_are_404()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/graphql/ide/assets/nothing.js", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex("(?:src|href)=\"\\./(?<path>assets/[^\"]+)\"")]
    private static partial Regex AssetReference();
}
