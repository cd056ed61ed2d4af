using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>
/// X-Forwarded-For over real HTTP from 127.0.0.1: read only when the peer is a trusted proxy, so the anonymous rate-limit
/// bucket is the real client behind a load balancer, and the peer itself for anyone else.
/// </summary>
public sealed class TrustedProxyTests
{
    // One anonymous operation per client, refilled so slowly that nothing comes back during a test.
    private static readonly string[] s_oneOperation =
        ["OrleansShop:RateLimiting:QueryCost:Anonymous:Capacity=1", "OrleansShop:RateLimiting:QueryCost:Anonymous:RefillPerSecond=0.001"];

    [Theory]
    [InlineData(null)]
    [InlineData("OrleansShop:Proxy:TrustedNetworks=10.0.0.0/8, 192.168.0.0/16")]
    [InlineData("OrleansShop:Proxy:TrustedProxies=127.0.0.2")]
    public async Task From_an_untrusted_peer_X_Forwarded_For_is_ignored_and_the_peer_is_the_bucket(string? proxySetting)
    {
        await using var server = await ShopServer.StartAsync(settings: [.. s_oneOperation, .. proxySetting is null ? [] : new[] { proxySetting }]);

        var first = await PostFromAsync(server, "203.0.113.1");
        var second = await PostFromAsync(server, "203.0.113.2");

        Assert.Null(first["errors"]);
        Assert.Equal("RATE_LIMITED", second["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("OrleansShop:Proxy:TrustedNetworks=10.0.0.0/8,127.0.0.0/8")]
    [InlineData("OrleansShop:Proxy:TrustedProxies=127.0.0.1")]
    public async Task From_a_trusted_proxy_X_Forwarded_For_names_the_client_and_its_bucket(string proxySetting)
    {
        await using var server = await ShopServer.StartAsync(settings: [.. s_oneOperation, proxySetting]);

        var first = await PostFromAsync(server, "203.0.113.1");
        var otherClient = await PostFromAsync(server, "203.0.113.2");
        var firstAgain = await PostFromAsync(server, "203.0.113.1");

        Assert.Null(first["errors"]);
        Assert.Null(otherClient["errors"]);
        Assert.Equal("RATE_LIMITED", firstAgain["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("OrleansShop:Proxy:TrustedNetworks=10.0.0.0", "TrustedNetworks")]
    [InlineData("OrleansShop:Proxy:TrustedProxies=load-balancer", "TrustedProxies")]
    public void A_proxy_setting_that_does_not_parse_stops_start_up_naming_it(string setting, string key)
    {
        var error = ShopServer.StartUpFailure("Development", setting);
        Assert.Contains("OrleansShop:Proxy:" + key, error.Message, StringComparison.Ordinal);
    }

    private static async Task<JsonNode> PostFromAsync(ShopServer server, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = "{ __typename }" }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await server.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }
}
