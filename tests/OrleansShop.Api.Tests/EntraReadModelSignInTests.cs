using System.Net;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>
/// Read models on a PostgreSQL server that checks passwords, signed in as on Azure Database for PostgreSQL with a managed
/// identity (<c>OrleansShop:ReadModels:Authentication=ManagedIdentity</c>): the connection string names the role and holds no
/// password; the password is the token the process's Azure credential hands out. Only the credential is a stand-in: the
/// shop, Npgsql's periodic password provider and the server's SCRAM check are real.
/// </summary>
public sealed class EntraReadModelSignInTests(PasswordPostgresServerFixture postgres) : IClassFixture<PasswordPostgresServerFixture>
{
    private const string Role = "orleansshop_identity";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_shops_read_models_sign_in_with_the_credentials_token_and_follow_a_renewed_token_without_a_restart()
    {
        var superuser = postgres.RequireServer();
        var database = "readmodels_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(superuser, $"CREATE ROLE {Role} LOGIN PASSWORD 'token-1'", $"CREATE DATABASE {database} OWNER {Role}");
        var credential = new RotatingTokenCredential("token-1");

        // Unpooled: every connection the shop opens signs in anew, so each one shows which token it was given.
        var readModels = new NpgsqlConnectionStringBuilder(superuser) { Database = database, Username = Role, Password = null, Pooling = false };
        await using var shop = await ShopServer.StartAsync(
            settings:
            [
                "OrleansShop:ReadModels:Provider=postgres",
                "OrleansShop:ReadModels:ConnectionString=" + readModels.ConnectionString,
                "OrleansShop:ReadModels:Authentication=ManagedIdentity",
                "OrleansShop:ReadModels:TokenRefreshInterval=00:00:00.200",
            ],
            configure: builder => builder.Services.AddSingleton<TokenCredential>(credential));

        var first = "entra" + Guid.NewGuid().ToString("N")[..8];
        var firstId = await shop.CreateProductAsync(description: "A kettle for " + first + ".");
        await Eventually.UntilAsync(() => shop.DataAsync(RestoredShop.Search, new { q = first }), data => data["products"]!["nodes"]!.AsArray().Count == 1);
        Assert.Equal([firstId], await shop.SearchAsync(first));
        Assert.Equal(1L, await CountProductsAsync(superuser, database, first));
        Assert.False(File.Exists(Path.Combine(shop.DataDirectory, "readmodels.db")), "the read models went to a SQLite file instead");
        Assert.Equal(["https://ossrdbms-aad.database.windows.net/.default"], credential.RequestedScopes);
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(shop)).Status);

        // The server takes a new password before the credential hands it out (as a token that expired would stop working):
        // new connections of the shop are refused, which shows the password comes from the credential and nowhere else.
        await ExecuteAsync(superuser, $"ALTER ROLE {Role} PASSWORD 'token-2'");
        var refused = await UntilReadyIsAsync(shop, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", refused["checks"]!["readmodels"]!["status"]!.GetValue<string>());

        // The credential renews its token: within the refresh interval the running shop signs in with it again.
        credential.Token = "token-2";
        await UntilReadyIsAsync(shop, HttpStatusCode.OK);
        var second = "renewed" + Guid.NewGuid().ToString("N")[..8];
        var secondId = await shop.CreateProductAsync(description: "A teapot for " + second + ".");
        await Eventually.UntilAsync(() => shop.DataAsync(RestoredShop.Search, new { q = second }), data => data["products"]!["nodes"]!.AsArray().Count == 1);
        Assert.Equal([secondId], await shop.SearchAsync(second));
        Assert.Equal([firstId], await shop.SearchAsync(first));
        Assert.Equal(1L, await CountProductsAsync(superuser, database, second));
    }

    private static async Task<JsonNode> UntilReadyIsAsync(ShopServer shop, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var (status, body) = await ReadyAsync(shop);
            if (status == expected)
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"/health/ready is still {status}, not {expected}: {body.ToJsonString()}");
            await Task.Delay(100, Ct);
        }
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> ReadyAsync(ShopServer shop)
    {
        using var response = await shop.Http.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!);
    }

    private static async Task<long> CountProductsAsync(string superuser, string database, string word)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(superuser) { Database = database }.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM catalog_products WHERE description LIKE '%' || @word || '%'";
        command.Parameters.AddWithValue("word", word);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(Ct);
        }
    }
}
