using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace OrleansShop.Api.Tests.Support;

/// <summary>
/// The real API program on Kestrel (127.0.0.1, a free port) with its silo on a SQLite file in a temporary folder, and an
/// HttpClient that posts GraphQL to it.
/// </summary>
public sealed class ShopServer : IAsyncDisposable
{
    public const string AdminEmail = "admin@shop.test";
    public const string AdminPassword = "admin-password-for-tests";

    private readonly WebApplication app;
    private readonly bool ownsDirectory;

    private ShopServer(WebApplication app, string dataDirectory, bool ownsDirectory, Uri address)
    {
        this.app = app;
        this.ownsDirectory = ownsDirectory;
        DataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string DataDirectory { get; }

    public HttpClient Http { get; }

    /// <summary>The app's services: the grain factory, the stream providers.</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>Where graphql-transport-ws connects.</summary>
    public Uri WebSocketUri => new UriBuilder(Http.BaseAddress!) { Scheme = "ws", Path = "/graphql" }.Uri;

    /// <summary>The server's grains, for a test to set up what the API does not offer yet or to look behind it.</summary>
    public IGrainFactory Grains => app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>
    /// Rate limits for a server that one test class drives hard from 127.0.0.1: every request comes from one address, far
    /// more sign-ins and queries than any real client makes. The shop's defaults are tested on servers of their own.
    /// </summary>
    public static readonly IReadOnlyList<string> LimitsForManyTests =
    [
        "OrleansShop:RateLimiting:SignIn:PerIp:Capacity=100000",
        "OrleansShop:RateLimiting:SignIn:PerEmail:Capacity=1000",
        "OrleansShop:RateLimiting:QueryCost:Anonymous:Capacity=100000000",
        "OrleansShop:RateLimiting:QueryCost:Customer:Capacity=100000000",
        "OrleansShop:RateLimiting:QueryCost:Admin:Capacity=100000000",
    ];

    /// <param name="dataDirectory">An existing folder to reuse (a restart); null for a new temporary one this server deletes.</param>
    /// <param name="settings">More configuration, "Key:Path=value" (e.g. rate limits), applied last.</param>
    /// <param name="configure">Changes to the host before it is built (a log provider, a replaced service).</param>
    public static async Task<ShopServer> StartAsync(
        string? dataDirectory = null,
        bool seedDemo = false,
        IEnumerable<string>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var ownsDirectory = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("orleansshop-api-").FullName;
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Development",
            "--OrleansShop:DataDirectory=" + dataDirectory,
            "--OrleansShop:Admin:Email=" + AdminEmail,
            "--OrleansShop:Admin:Password=" + AdminPassword,
            "--OrleansShop:Demo:Seed=" + (seedDemo ? "true" : "false"),
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:OrleansShop=Warning",
            // Several servers run at once in one test process: each silo takes free ports of its own.
            "--OrleansShop:Cluster:SiloPort=0",
            "--OrleansShop:Cluster:GatewayPort=0",
            .. (settings ?? []).Select(setting => "--" + setting),
        ];
        var app = Program.Build(args, configure);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new ShopServer(app, dataDirectory, ownsDirectory, new Uri(address));
    }

    /// <summary>Posts a GraphQL request; returns the response body (data and errors).</summary>
    public async Task<JsonNode> PostAsync(string query, object? variables = null, string? accessToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonNode.Parse(body) ?? throw new InvalidOperationException($"Empty response ({(int)response.StatusCode}).");
    }

    /// <summary>Posts and returns <c>data</c>, failing the test if the response has GraphQL errors.</summary>
    public async Task<JsonNode> DataAsync(string query, object? variables = null, string? accessToken = null)
    {
        var response = await PostAsync(query, variables, accessToken);
        Assert.True(response["errors"] is null, response.ToJsonString());
        return response["data"]!;
    }

    /// <summary>Registers a new customer; returns the sign-in payload (accessToken, refreshToken, customer).</summary>
    public async Task<JsonNode> RegisterAsync(string email, string password = "a-good-long-password", string? guestCartId = null)
    {
        var data = await DataAsync(
            "mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken expiresAt customer { id email } errors { code message field } } }",
            new { input = new { email, password, displayName = "Shopper", guestCartId } });
        var payload = data["register"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload;
    }

    /// <summary>Signs in; returns the payload (accessToken, refreshToken, customer, errors) whether or not it succeeded.</summary>
    public async Task<JsonNode> LoginAsync(string email, string password = "a-good-long-password", string? guestCartId = null) =>
        (await DataAsync(
            "mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken customer { id email } errors { code message field } } }",
            new { input = new { email, password, guestCartId } }))["login"]!;

    /// <summary>Signs in as the first admin, the one the configuration names.</summary>
    public async Task<string> AdminTokenAsync()
    {
        var payload = await LoginAsync(AdminEmail, AdminPassword);
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["accessToken"]!.GetValue<string>();
    }

    /// <summary>Creates a product as the admin (signing in when no token is given); returns its id.</summary>
    /// <param name="name">The name; a unique one when null. A test that searches puts its own word in <paramref name="description"/>.</param>
    public async Task<string> CreateProductAsync(
        string? adminToken = null,
        string price = "10.00",
        int stock = 100,
        string? name = null,
        string? brand = null,
        string? description = null,
        string[]? categoryIds = null)
    {
        adminToken ??= await AdminTokenAsync();
        var sku = "SKU-" + Guid.NewGuid().ToString("N")[..12];
        var payload = (await DataAsync(
            "mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } errors { code message } } }",
            new { input = new { sku, name = name ?? "Mug " + sku, description = description ?? "A mug.", brand, price, initialStock = stock, categoryIds } },
            adminToken))["createProduct"]!;
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload["product"]!["id"]!.GetValue<string>();
    }

    /// <summary>Creates a category as the admin; returns its id.</summary>
    public async Task<string> CreateCategoryAsync(string adminToken, string name, string? parentId = null)
    {
        var payload = (await DataAsync(
            "mutation($input: CreateCategoryInput!) { createCategory(input: $input) { category { id } errors { code message } } }",
            new { input = new { name, parentId } },
            adminToken))["createCategory"]!;
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload["category"]!["id"]!.GetValue<string>();
    }

    public static string UniqueEmail() => $"shopper-{Guid.NewGuid():N}@example.com";

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            await app.StopAsync(CancellationToken.None);
        }
        finally
        {
            await app.DisposeAsync();
            if (ownsDirectory)
            {
                TryDelete(DataDirectory);
            }
        }
    }

    /// <summary>
    /// What stops the API from being built with <paramref name="settings"/> ("Key:Path=value") in <paramref name="environment"/>,
    /// in a data directory of its own that is deleted afterwards; fails the test when it builds.
    /// </summary>
    public static InvalidOperationException StartUpFailure(string environment, params IEnumerable<string> settings)
    {
        var directory = Directory.CreateTempSubdirectory("orleansshop-api-").FullName;
        try
        {
            return Assert.Throws<InvalidOperationException>(() => Program.Build(
            [
                "--urls", "http://127.0.0.1:0", "--environment", environment, "--OrleansShop:DataDirectory=" + directory, "--OrleansShop:Demo:Seed=false",
                .. settings.Select(setting => "--" + setting),
            ]));
        }
        finally
        {
            TryDelete(directory);
        }
    }

    public static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is the operating system's to clean up later; the test outcome does not depend on it.
        }
    }
}
