using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrleansShop.GraphQL.AspNetCore.Execution;
using OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure;
using static OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure.GraphQLHttp;

namespace OrleansShop.GraphQL.AspNetCore.Tests;

public sealed class HttpTransportTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_accepting_graphql_response_json_answers_in_that_media_type()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(PostQuery("{ hello }", accept: "application/graphql-response+json, application/json;q=0.9"), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("world", (await ReadJsonAsync(response)).GetProperty("data").GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("*/*")]
    [InlineData(null)]
    public async Task Post_accepting_json_a_wildcard_or_nothing_answers_application_json(string? accept)
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(PostQuery("{ hello }", accept: accept), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Post_without_a_utf8_json_body_is_415(string? contentType)
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(Post("""{"query":"{ hello }"}""", contentType: contentType), Cancellation);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_accepting_neither_json_type_is_406()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(PostQuery("{ hello }", accept: "application/xml"), Cancellation);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData("{ \"not json")]
    [InlineData("[]")]
    [InlineData("{\"query\": 1}")]
    [InlineData("{\"query\": \"{ hello }\", \"variables\": \"x\"}")]
    [InlineData("{\"qeury\": \"{ hello }\"}")]
    [InlineData("")]
    public async Task Malformed_requests_are_400_with_a_bad_request_code(string body)
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(Post(body, accept: "application/json"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_REQUEST", FirstErrorCode(await ReadJsonAsync(response)));
    }

    [Fact]
    public async Task A_validation_failure_is_200_for_json_and_400_for_graphql_response_json_without_data()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        using var legacy = await client.SendAsync(PostQuery("{ nope }", accept: "application/json"), Cancellation);
        using var modern = await client.SendAsync(PostQuery("{ nope }", accept: "application/graphql-response+json"), Cancellation);

        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, modern.StatusCode);
        var body = await ReadJsonAsync(modern);
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", FirstErrorCode(body));
        Assert.Equal(1, body.GetProperty("errors")[0].GetProperty("locations")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task A_syntax_error_reports_its_location_and_the_parse_failed_code()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(PostQuery("{ hello", accept: "application/graphql-response+json"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await ReadJsonAsync(response)).GetProperty("errors")[0];
        Assert.Equal("GRAPHQL_PARSE_FAILED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(1, error.GetProperty("locations")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Variables_and_operation_name_select_and_feed_the_operation()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(
            PostQuery("query A { hello } query B($t: String!) { echo(text: $t) }", new { t = "héllo 🏃" }, "B"),
            Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("héllo 🏃", (await ReadJsonAsync(response)).GetProperty("data").GetProperty("echo").GetString());
    }

    [Fact]
    public async Task An_unknown_operation_name_is_a_request_error()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(PostQuery("query A { hello }", operationName: "Z", accept: "application/graphql-response+json"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("OPERATION_NOT_FOUND", FirstErrorCode(await ReadJsonAsync(response)));
    }

    [Fact]
    public async Task A_variable_coercion_failure_has_no_data()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(PostQuery("query ($t: String!) { echo(text: $t) }", new { t = (string?)null }, accept: "application/graphql-response+json"), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await ReadJsonAsync(response)).TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Get_runs_a_query_from_the_query_string()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        var url = "/graphql?query=" + Uri.EscapeDataString("query ($t: String!) { echo(text: $t) }") + "&variables=" + Uri.EscapeDataString("""{"t":"by get"}""");
        using var response = await client.GetAsync(url, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("by get", (await ReadJsonAsync(response)).GetProperty("data").GetProperty("echo").GetString());
    }

    [Fact]
    public async Task Get_with_a_mutation_is_405_with_allow_post_and_changes_nothing()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { addItem(name: \"x\") }"), Cancellation);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Equal(["apple"], host.Feed.Items);
    }

    [Fact]
    public async Task Post_runs_a_mutation()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(PostQuery("mutation { addItem(name: \"pear\") }"), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["apple", "pear"], host.Feed.Items);
    }

    [Fact]
    public async Task A_subscription_over_post_is_refused_with_a_pointer_to_websockets()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(PostQuery("subscription { counter(to: 2) }"), Cancellation);

        Assert.Equal("SUBSCRIPTION_NOT_SUPPORTED", FirstErrorCode(await ReadJsonAsync(response)));
    }

    [Fact]
    public async Task Other_methods_are_405_with_allow()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/graphql"), Cancellation);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_whether_its_length_is_declared_or_streamed()
    {
        await using var host = await GraphQLTestHost.StartAsync(o => o.MaxRequestBodySize = 1024);
        using var client = host.CreateClient();
        var big = "{\"query\":\"{ hello }\",\"variables\":{\"pad\":\"" + new string('x', 4096) + "\"}}";

        using var declared = await client.SendAsync(Post(big), Cancellation);
        var streamed = Post(big);
        streamed.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        streamed.Content.Headers.ContentType = new("application/json");
        streamed.Headers.TransferEncodingChunked = true;
        using var chunked = await client.SendAsync(streamed, Cancellation);
        using var small = await client.SendAsync(PostQuery("{ hello }"), Cancellation);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal("REQUEST_TOO_LARGE", FirstErrorCode(await ReadJsonAsync(declared)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
    }

    [Fact]
    public async Task Resolver_exceptions_are_masked_unless_details_are_enabled()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(PostQuery("{ fail hello }"), Cancellation);

        var body = await ReadJsonAsync(response);
        Assert.Equal("world", body.GetProperty("data").GetProperty("hello").GetString());
        Assert.DoesNotContain("secret detail", body.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("fail", body.GetProperty("errors")[0].GetProperty("path")[0].GetString());
    }

    [Fact]
    public async Task Resolvers_see_the_http_user()
    {
        await using var host = await GraphQLTestHost.StartAsync(beforeMap: app => app.Use((context, next) =>
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada")], "test"));
            return next(context);
        }));
        using var client = host.CreateClient();

        using var response = await client.SendAsync(PostQuery("{ whoami }"), Cancellation);

        Assert.Equal("ada", (await ReadJsonAsync(response)).GetProperty("data").GetProperty("whoami").GetString());
    }

    [Fact]
    public async Task A_distinct_document_is_parsed_and_validated_once()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();
        var executor = host.Services.GetRequiredService<GraphQLRequestExecutor>();

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(PostQuery("query ($t: String!) { echo(text: $t) }", new { t = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }), Cancellation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, executor.CachedDocumentCount);
        using (await client.SendAsync(PostQuery("{ hello }"), Cancellation))
        {
        }

        Assert.Equal(2, executor.CachedDocumentCount);
    }

    [Fact]
    public async Task The_document_cache_stays_within_its_size()
    {
        await using var host = await GraphQLTestHost.StartAsync(o => o.DocumentCacheSize = 2);
        using var client = host.CreateClient();
        var executor = host.Services.GetRequiredService<GraphQLRequestExecutor>();

        foreach (var query in new[] { "{ hello }", "{ items }", "{ a: hello }", "{ b: hello }" })
        {
            using var response = await client.SendAsync(PostQuery(query), Cancellation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(2, executor.CachedDocumentCount);
    }

    [Fact]
    public async Task Get_sdl_returns_the_schema()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/graphql?sdl", Cancellation);
        var sdl = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("type Query {", sdl, StringComparison.Ordinal);
        Assert.Contains("echo(text: String!): String!", sdl, StringComparison.Ordinal);
        Assert.Contains("type Subscription {", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cors_preflight_from_an_allowed_origin_is_answered_and_others_get_no_grant()
    {
        await using var host = await GraphQLTestHost.StartAsync(o => o.Cors = new CorsPolicyBuilder()
            .WithOrigins("http://ide.example")
            .AllowAnyHeader()
            .WithMethods("GET", "POST")
            .Build());
        using var client = host.CreateClient();

        var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", "http://ide.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        using var allowed = await client.SendAsync(preflight, Cancellation);
        var actual = PostQuery("{ hello }");
        actual.Headers.Add("Origin", "http://ide.example");
        using var actualResponse = await client.SendAsync(actual, Cancellation);
        var foreign = PostQuery("{ hello }");
        foreign.Headers.Add("Origin", "http://evil.example");
        using var foreignResponse = await client.SendAsync(foreign, Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("http://ide.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("http://ide.example", actualResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(foreignResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_client_disconnect_cancels_the_running_resolvers()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();
        using var abort = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(PostQuery("{ slow(ms: 20000) }"), abort.Token));

        await host.Feed.SlowResolverCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);
    }
}
