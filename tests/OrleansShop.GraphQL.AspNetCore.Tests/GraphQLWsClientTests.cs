using System.Text.Json;
using OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure;

namespace OrleansShop.GraphQL.AspNetCore.Tests;

/// <summary>The reference graphql-transport-ws client (npm graphql-ws) against the real server.</summary>
public sealed class GraphQLWsClientTests
{
    [Fact]
    public async Task The_graphql_ws_client_receives_subscription_events_query_results_and_errors()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var output = await NodeTools.RunScriptAsync("ws-client.mjs", [host.GraphQLUri.ToString(), host.WebSocketUri.ToString()], TimeSpan.FromMinutes(1));

        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        var counter = root.GetProperty("counter").EnumerateArray().Select(r => r.GetProperty("data").GetProperty("counter").GetInt32()).ToArray();
        Assert.Equal([1, 2, 3], counter);
        Assert.Equal("kiwi", root.GetProperty("added")[0].GetProperty("data").GetProperty("itemAdded").GetString());
        Assert.Equal("world", root.GetProperty("query")[0].GetProperty("data").GetProperty("hello").GetString());
        var invalid = root.GetProperty("invalidError");
        Assert.Equal(JsonValueKind.Array, invalid.ValueKind);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", invalid[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(0, host.Feed.SubscriberCount);
    }
}
