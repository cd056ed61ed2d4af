using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansShop.Api.Schema;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>
/// What the GraphQL endpoint does besides the shop's fields: limits on depth, size and cost, automatic persisted
/// operations, the IDE page, and the same schema and refusals outside Development.
/// </summary>
public sealed class GraphQLEndpointTests(SharedShopServer fixture)
{
    private ShopServer Server => fixture.Server;

    [Fact]
    public async Task A_query_deeper_than_the_limit_is_refused_before_anything_runs()
    {
        var deep = "{ categories { " + string.Concat(Enumerable.Repeat("children { ", ShopGraphQLExtensions.MaxExecutionDepth)) + "name"
            + new string('}', ShopGraphQLExtensions.MaxExecutionDepth) + " } }";
        var shallow = "{ categories { children { children { name } } } }";

        var refused = await Server.PostAsync(deep);
        var accepted = await Server.PostAsync(shallow);

        Assert.Null(refused["data"]);
        Assert.Contains("depth", refused["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.True(accepted["errors"] is null, accepted.ToJsonString());
    }

    [Fact]
    public async Task A_request_body_over_the_size_limit_is_refused()
    {
        var padding = new string(' ', ShopGraphQLExtensions.MaxRequestSize);
        using var content = new StringContent(JsonSerializer.Serialize(new { query = "{ __typename" + padding + "}" }), Encoding.UTF8, "application/json");

        using var response = await Server.Http.PostAsync(new Uri("/graphql", UriKind.Relative), content, TestContext.Current.CancellationToken);

        // HotChocolate answers 400 with its code HC0010 (our engine said 413); GraphQL over HTTP allows any 4xx here.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("HC0010", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_operation_over_the_cost_limit_is_refused_with_its_cost()
    {
        // 100 products, each with its categories' pages of 100 products: far beyond any page a client shows.
        var response = await Server.PostAsync("{ products(first: 100) { nodes { categories { products(first: 100) { nodes { name stock { available } } } } } } }");

        Assert.Null(response["data"]);
        var extensions = response["errors"]![0]!["extensions"]!;
        Assert.Equal("HC0047", extensions["code"]!.GetValue<string>()); // HotChocolate's "maximum allowed field cost exceeded"
        Assert.True(extensions["fieldCost"]!.GetValue<double>() > extensions["maxFieldCost"]!.GetValue<double>(), extensions.ToJsonString());
    }

    [Fact]
    public async Task Automatic_persisted_operations_register_a_document_by_its_sha256_and_run_it_by_hash_alone()
    {
        var query = "{ categories { id name } __typename }";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };

        var unknown = await PostJsonAsync(new { extensions });
        var registered = await PostJsonAsync(new { query, extensions });
        var byHash = await PostJsonAsync(new { extensions });

        Assert.Equal("PersistedQueryNotFound", unknown["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("Query", registered["data"]!["__typename"]!.GetValue<string>());
        Assert.True(byHash["errors"] is null, byHash.ToJsonString());
        Assert.Equal("Query", byHash["data"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_browser_gets_Nitro_from_the_app_itself_not_from_a_CDN()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/");
        request.Headers.Accept.ParseAdd("text/html");
        using var page = await Server.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"\\./(assets/[^\"]+\\.js)\"").Groups[1].Value;

        using var asset = await Server.Http.GetAsync(new Uri("/graphql/" + script, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Nitro", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Contains("javascript", asset.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_Development_introspection_stays_on_and_errors_carry_no_exception_details()
    {
        await using var production = await ShopServer.StartAsync(settings:
        [
            "environment=Production",
            "OrleansShop:Auth:SigningKey=" + new string('k', 48),
            "OrleansShop:Payments:Sandbox:WebhookSecret=" + new string('w', 48),
        ]);

        var schema = await production.PostAsync("{ __schema { queryType { name } types { name } } }");
        var badCursor = await production.PostAsync("{ products(first: 1, after: \"not a cursor\") { nodes { id } } }");

        Assert.True(schema["errors"] is null, schema.ToJsonString());
        Assert.Contains(schema["data"]!["__schema"]!["types"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "Product");
        var error = badCursor["errors"]![0]!;
        Assert.NotNull(error["extensions"]!["code"]);
        Assert.Null(error["extensions"]!["stackTrace"]);
        Assert.DoesNotContain("   at ", badCursor.ToJsonString(), StringComparison.Ordinal);
    }

    private async Task<JsonNode> PostJsonAsync(object body)
    {
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await Server.Http.PostAsync(new Uri("/graphql", UriKind.Relative), content, TestContext.Current.CancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }
}
