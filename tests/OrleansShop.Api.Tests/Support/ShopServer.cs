using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

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

    /// <param name="dataDirectory">An existing folder to reuse (a restart); null for a new temporary one this server deletes.</param>
    /// <param name="settings">More command-line settings, e.g. "--OrleansShop:Checkout:ReservationTimeout=00:00:02".</param>
    public static async Task<ShopServer> StartAsync(string? dataDirectory = null, bool seedDemo = false, IReadOnlyList<string>? settings = null)
    {
        var ownsDirectory = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("orleansshop-api-").FullName;
        var app = Program.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Development",
            "--OrleansShop:DataDirectory=" + dataDirectory,
            "--OrleansShop:Admin:Email=" + AdminEmail,
            "--OrleansShop:Admin:Password=" + AdminPassword,
            "--OrleansShop:Demo:Seed=" + (seedDemo ? "true" : "false"),
            "--Logging:LogLevel:Default=Warning",
            .. settings ?? [],
        ]);
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

    public async Task<string> AdminTokenAsync()
    {
        var data = await DataAsync(
            "mutation($input: LoginInput!) { login(input: $input) { accessToken errors { code } } }",
            new { input = new { email = AdminEmail, password = AdminPassword } });
        return data["login"]!["accessToken"]!.GetValue<string>();
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
