using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

/// <summary>
/// OrleansShop:Proxy:FrontDoorId over real HTTP from 127.0.0.1, standing in for the Container Apps ingress: requests must
/// carry this Front Door's X-Azure-FDID, and on those the client is the entry Front Door appended to X-Forwarded-For
/// (second from the right, Envoy having appended Front Door's edge address), whatever the client wrote to its left.
/// </summary>
public sealed class FrontDoorOriginTests
{
    private const string FrontDoorId = "5b0c52a6-92fb-4c1e-8c0f-2d8a9e3f4b71";

    // One anonymous operation per client, refilled so slowly that nothing comes back during a test.
    private static readonly string[] s_oneOperation =
        ["OrleansShop:RateLimiting:QueryCost:Anonymous:Capacity=1", "OrleansShop:RateLimiting:QueryCost:Anonymous:RefillPerSecond=0.001"];

    private static readonly string[] s_behindTrustedIngress =
        [.. s_oneOperation, "OrleansShop:Proxy:FrontDoorId=" + FrontDoorId, "OrleansShop:Proxy:TrustedNetworks=127.0.0.0/8", "OrleansShop:Proxy:ForwardLimit=2"];

    [Theory]
    [InlineData(null)]
    [InlineData("0f0e0d0c-0b0a-0908-0706-050403020100")]
    [InlineData("not-a-guid")]
    public async Task A_request_without_this_Front_Doors_id_is_refused(string? sentId)
    {
        await using var server = await ShopServer.StartAsync(settings: s_behindTrustedIngress);

        using var response = await PostAsync(server, sentId, "203.0.113.1, 192.0.2.10");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Health_answers_without_the_id_and_the_id_is_matched_regardless_of_case()
    {
        await using var server = await ShopServer.StartAsync(settings: s_behindTrustedIngress);
        var ct = TestContext.Current.CancellationToken;

        using var live = await server.Http.GetAsync("/health/live", ct);
        using var graphql = await PostAsync(server, FrontDoorId.ToUpperInvariant(), "203.0.113.1, 192.0.2.10");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, graphql.StatusCode);
    }

    [Fact]
    public async Task Through_Front_Door_the_client_Front_Door_appended_is_the_bucket_and_what_the_client_wrote_is_ignored()
    {
        await using var server = await ShopServer.StartAsync(settings: s_behindTrustedIngress);

        // "spoofed, client (appended by Front Door), edge (appended by Envoy)"; edges differ per request as they do on Azure.
        var first = await PostJsonAsync(server, FrontDoorId, "198.51.100.7, 203.0.113.1, 192.0.2.10");
        var otherClient = await PostJsonAsync(server, FrontDoorId, "198.51.100.7, 203.0.113.2, 192.0.2.11");
        var firstAgainSpoofingAnother = await PostJsonAsync(server, FrontDoorId, "198.51.100.99, 203.0.113.1, 192.0.2.12");

        Assert.Null(first["errors"]);
        Assert.Null(otherClient["errors"]);
        Assert.Equal("RATE_LIMITED", firstAgainSpoofingAnother["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task From_an_untrusted_peer_X_Forwarded_For_is_ignored_even_with_the_id()
    {
        await using var server = await ShopServer.StartAsync(settings:
            [.. s_oneOperation, "OrleansShop:Proxy:FrontDoorId=" + FrontDoorId, "OrleansShop:Proxy:TrustedNetworks=10.0.0.0/8", "OrleansShop:Proxy:ForwardLimit=2"]);

        var first = await PostJsonAsync(server, FrontDoorId, "203.0.113.1, 192.0.2.10");
        var second = await PostJsonAsync(server, FrontDoorId, "203.0.113.2, 192.0.2.11");

        Assert.Null(first["errors"]);
        Assert.Equal("RATE_LIMITED", second["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_order_is_paid_while_the_gate_is_up_for_the_calls_made_inside_the_environment()
    {
        // The shopper's requests come through Front Door; the silo's charge at the sandbox and the sandbox's signed
        // notification to the shop go to the API's own address, without the id.
        await using var server = await ShopServer.StartAsync(settings: ["OrleansShop:Proxy:FrontDoorId=" + FrontDoorId]);
        server.Http.DefaultRequestHeaders.Add("X-Azure-FDID", FrontDoorId);

        var productId = await server.CreateProductAsync();
        var order = await server.GuestCheckoutAsync(await server.AddToCartAsync(productId));
        var paid = await server.PayAsync(order["id"]!.GetValue<string>(), "CARD", await server.TokenizeAsync());

        Assert.Empty(paid["errors"]!.AsArray());
        Assert.Equal("PAID", paid["order"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void A_front_door_id_that_is_not_a_guid_stops_start_up_naming_it()
    {
        var error = ShopServer.StartUpFailure("Development", "OrleansShop:Proxy:FrontDoorId=my-front-door");
        Assert.Contains("OrleansShop:Proxy:FrontDoorId", error.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(ShopServer server, string? frontDoorId, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = "{ __typename }" }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (frontDoorId is not null)
        {
            request.Headers.Add("X-Azure-FDID", frontDoorId);
        }

        return await server.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonNode> PostJsonAsync(ShopServer server, string frontDoorId, string forwardedFor)
    {
        using var response = await PostAsync(server, frontDoorId, forwardedFor);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }
}
