using System.Net;
using System.Text.Json.Nodes;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>/health/live, /health/ready and /health over real HTTP, with the storage database taken away under a running silo.</summary>
public sealed class HealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_is_503_while_the_storage_database_cannot_be_opened_and_live_stays_200()
    {
        await using var server = await ShopServer.StartAsync();
        var (ready, body) = await GetAsync(server, "/health/ready");
        Assert.True(ready == HttpStatusCode.OK, body.ToJsonString());
        Assert.Equal(["readmodels", "silo", "storage", "streams"], body["checks"]!.AsObject().Select(c => c.Key).Order());
        Assert.All(body["checks"]!.AsObject(), c => Assert.Equal("Healthy", c.Value!["status"]!.GetValue<string>()));

        // The database file goes away (its place taken by a folder, so nothing can open it there), while the silo keeps
        // running on the connection it holds: the process is alive but could not start a grain from storage again.
        var file = Path.Combine(server.DataDirectory, "orleansshop.db");
        var aside = file + ".aside";
        File.Move(file, aside);
        Directory.CreateDirectory(file);
        try
        {
            var (unready, down) = await GetAsync(server, "/health/ready");
            Assert.True(unready == HttpStatusCode.ServiceUnavailable, down.ToJsonString());
            Assert.Equal("Unhealthy", down["checks"]!["storage"]!["status"]!.GetValue<string>());
            Assert.Equal("Healthy", down["checks"]!["silo"]!["status"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(server, "/health/live")).Status);
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(server, "/health")).Status);
        }
        finally
        {
            Directory.Delete(file);
            File.Move(aside, file);
        }

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(server, "/health/ready")).Status);
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(ShopServer server, string path)
    {
        using var response = await server.Http.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text)! : JsonValue.Create(text));
    }
}
