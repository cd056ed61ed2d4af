using System.Text.Json;
using OrleansShop.Api.Protocol.Tests.Support;

namespace OrleansShop.Api.Protocol.Tests;

/// <summary>graphql-transport-ws as its reference client (npm graphql-ws) and the protocol's close codes see it.</summary>
public sealed class GraphQLTransportWsTests(ProtocolServer fixture)
{
    [Fact]
    public async Task The_graphql_ws_client_subscribes_to_stock_changes_receives_one_and_completes()
    {
        var server = fixture.Server;
        var admin = await server.AdminTokenAsync();
        var productId = await server.CreateProductAsync(admin, stock: 10);

        var output = await NodeTools.RunScriptAsync(
            "ws-subscribe.mjs", [fixture.GraphQLUri.ToString(), fixture.WebSocketUri.ToString(), productId, admin], TimeSpan.FromMinutes(1));

        using var report = JsonDocument.Parse(output);
        var root = report.RootElement;
        Assert.True(root.GetProperty("acknowledged").GetBoolean(), "No connection_ack: " + output);

        // Each restock adds one; the event carries a level one of them set (the first ones may precede the subscription).
        var levels = root.GetProperty("levels").EnumerateArray().Select(l => l.GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(11, levels.Count), levels);
        var received = root.GetProperty("received");
        Assert.Equal(JsonValueKind.Object, received.ValueKind);
        Assert.False(received.TryGetProperty("errors", out _), output);
        Assert.Contains(received.GetProperty("data").GetProperty("stockChanged").GetProperty("available").GetInt32(), levels[..^1]);

        // After the client's complete, the restock that followed reached it no more.
        Assert.Equal(0, root.GetProperty("nextAfterComplete").GetArrayLength());

        // An invalid subscription is refused with an error message (GraphQL errors), which graphql-ws throws.
        var invalid = root.GetProperty("invalidError");
        Assert.True(invalid.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0, "Expected an error message: " + invalid);
        Assert.All(errors.EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));

        // A query over the same connection answers once, and the client's close is a normal one.
        Assert.Equal("Query", root.GetProperty("query")[0].GetProperty("data").GetProperty("__typename").GetString());
        Assert.Equal(1, root.GetProperty("query").GetArrayLength());
        Assert.Equal(1000, root.GetProperty("closed").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Protocol_violations_close_the_connection_with_the_protocol_close_codes()
    {
        var productId = await fixture.Server.CreateProductAsync();

        var output = await NodeTools.RunScriptAsync("ws-bad-messages.mjs", [fixture.WebSocketUri.ToString(), productId], TimeSpan.FromMinutes(1));

        using var report = JsonDocument.Parse(output);
        var codes = report.RootElement.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetProperty("code").ToString());
        TestContext.Current.TestOutputHelper?.WriteLine(output);

        // The close codes graphql-ws's PROTOCOL.md gives for each violation.
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["invalid JSON"] = "4400",
                ["subscribe without an id"] = "4400",
                ["unknown message type"] = "4400",
                ["subscribe before connection_init"] = "4401",
                ["second connection_init"] = "4429",
                ["duplicate subscription id"] = "4409",
            },
            codes);
    }
}
