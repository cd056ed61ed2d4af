using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansShop.Api.Tests.Support;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Tests;

/// <summary>Per-client query-cost budgets (subject, else IP address) over HTTP and WebSocket, and sign-in attempt limits.</summary>
public sealed class RateLimitingTests
{
    private const string AddItem =
        "mutation($input: AddCartItemInput!) { addCartItem(input: $input) { cart { id itemCount } errors { code message } } }";

    // A refill so slow that nothing comes back during a test: a budget of 1 is one operation (a dearer one waits for a full bucket).
    private static string[] OneOperation(string role) =>
        [$"OrleansShop:RateLimiting:QueryCost:{role}:Capacity=1", $"OrleansShop:RateLimiting:QueryCost:{role}:RefillPerSecond=0.001"];

    [Fact]
    public async Task A_customer_over_budget_gets_429_RATE_LIMITED_with_retry_after_and_the_mutation_changes_nothing()
    {
        await using var server = await ShopServer.StartAsync(settings: OneOperation("Customer"));
        var productId = await server.CreateProductAsync(await server.AdminTokenAsync());
        var customer = (await server.RegisterAsync(ShopServer.UniqueEmail()))["accessToken"]!.GetValue<string>();
        var first = (await server.DataAsync(AddItem, new { input = new { productId, quantity = 1 } }, customer))["addCartItem"]!;
        var cartId = first["cart"]!["id"]!.GetValue<string>();

        using var refused = await SendAsync(server, AddItem, new { input = new { productId, quantity = 5 } }, customer);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, refused.Headers.ToString());
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Null(body["data"]);
        var error = body["errors"]![0]!;
        Assert.Equal("RATE_LIMITED", error["extensions"]!["code"]!.GetValue<string>());
        Assert.True(error["extensions"]!["retryAfter"]!.GetValue<int>() > 0);
        var cart = await server.DataAsync("query($id: ID) { cart(id: $id) { itemCount } }", new { id = cartId }, await server.AdminTokenAsync());
        Assert.Equal(1, cart["cart"]!["itemCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_budget_follows_the_token_across_channels_and_anonymous_callers_are_counted_by_address()
    {
        await using var server = await ShopServer.StartAsync(settings: [.. OneOperation("Customer"), .. OneOperation("Anonymous")]);
        var customer = (await server.RegisterAsync(ShopServer.UniqueEmail()))["accessToken"]!.GetValue<string>(); // the address's one operation
        var anonymous = await server.PostAsync("{ __typename }");
        var overHttp = await server.PostAsync("{ me { id } }", accessToken: customer); // the customer's own budget, not the address's

        await using var socket = await GraphQLSocket.ConnectAsync(server.WebSocketUri, customer);
        await socket.SubscribeAsync("1", "{ me { id } }");
        var overSocket = await socket.ReceiveAsync();

        Assert.Equal("RATE_LIMITED", anonymous["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(overHttp["errors"]);
        Assert.Equal("error", overSocket["type"]!.GetValue<string>());
        Assert.Equal("RATE_LIMITED", overSocket["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_default_budget_serves_a_shopper_and_the_IDE_but_stops_a_scraper()
    {
        await using var server = await ShopServer.StartAsync();
        var admin = await server.AdminTokenAsync();
        for (var i = 0; i < 3; i++)
        {
            await server.CreateProductAsync(admin);
        }

        // The IDE loads the schema by introspection, and reloads it; a shopper pages through the catalog.
        for (var i = 0; i < 20; i++)
        {
            await server.DataAsync(IntrospectionQuery);
            await server.DataAsync("{ products(first: 20) { edges { node { id name price { amount } stock { available } rating { average count } } } } }");
        }

        var scraped = 0;
        JsonNode response;
        do
        {
            response = await server.PostAsync("{ products(first: 50) { edges { node { id name description price { amount } stock { available } rating { average count } categories { name } } } } }");
            scraped++;
        }
        while (response["errors"] is null && scraped < 1_000);

        Assert.Equal("RATE_LIMITED", response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.InRange(scraped, 2, 200);
    }

    [Fact]
    public async Task Turning_rate_limiting_off_lifts_every_limit()
    {
        await using var server = await ShopServer.StartAsync(settings:
        [
            .. OneOperation("Anonymous"),
            "OrleansShop:RateLimiting:SignIn:PerEmail:Capacity=1",
            "OrleansShop:RateLimiting:Enabled=false",
        ]);

        for (var i = 0; i < 5; i++)
        {
            await server.DataAsync("{ __typename }");
            var login = await server.LoginAsync("nobody@example.com", "a-wrong-password");
            Assert.Equal("INVALID_CREDENTIALS", login["errors"]![0]!["code"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Logins_for_one_email_are_limited_and_the_limited_attempt_checks_no_password()
    {
        await using var server = await ShopServer.StartAsync();
        var email = ShopServer.UniqueEmail();
        await server.RegisterAsync(email);

        for (var i = 0; i < 4; i++)
        {
            var wrong = await server.LoginAsync(email, "a-wrong-password");
            Assert.Equal("INVALID_CREDENTIALS", wrong["errors"]![0]!["code"]!.GetValue<string>());
        }

        // The register and four failures used the email's five attempts: even the right password is not looked at now.
        var limited = await server.LoginAsync(email.ToUpperInvariant());
        var otherEmail = await server.LoginAsync(ShopServer.UniqueEmail(), "a-wrong-password");

        Assert.Null(limited["accessToken"]);
        var error = Assert.Single(limited["errors"]!.AsArray())!;
        Assert.Equal("RATE_LIMITED", error["code"]!.GetValue<string>());
        Assert.Matches("try again in [0-9]+ seconds", error["message"]!.GetValue<string>());
        Assert.Equal("INVALID_CREDENTIALS", otherEmail["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited_across_emails()
    {
        await using var server = await ShopServer.StartAsync(settings: ["OrleansShop:RateLimiting:SignIn:PerIp:Capacity=3", "OrleansShop:RateLimiting:SignIn:PerIp:RefillPerSecond=0.001"]);

        await server.RegisterAsync(ShopServer.UniqueEmail());
        await server.LoginAsync(ShopServer.UniqueEmail(), "a-wrong-password");
        await server.LoginAsync(ShopServer.UniqueEmail(), "a-wrong-password");
        var email = ShopServer.UniqueEmail();
        var register = (await server.DataAsync(
            "mutation($input: RegisterInput!) { register(input: $input) { accessToken customer { id } errors { code } } }",
            new { input = new { email, password = "a-good-long-password", displayName = "Late" } }))["register"]!;

        Assert.Equal("RATE_LIMITED", register["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Null(register["customer"]);
        Assert.Null(await server.Grains.GetGrain<IEmailIndexGrain>(UniqueKeys.Email(email)).GetOwnerAsync());
    }

    private static async Task<HttpResponseMessage> SendAsync(ShopServer server, string query, object variables, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await server.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
        """;
}
