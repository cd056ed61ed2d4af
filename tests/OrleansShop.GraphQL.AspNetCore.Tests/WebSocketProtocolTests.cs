using System.Net.WebSockets;
using OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure;

namespace OrleansShop.GraphQL.AspNetCore.Tests;

/// <summary>graphql-transport-ws from a raw ClientWebSocket: the happy path and each close code of the protocol.</summary>
public sealed class WebSocketProtocolTests
{
    [Fact]
    public async Task An_acknowledged_subscription_streams_next_messages_then_complete()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        await using var client = await TransportWsTestClient.ConnectAsync(host.WebSocketUri);
        Assert.Equal("graphql-transport-ws", client.Socket.SubProtocol);

        await client.InitAsync();
        await client.SubscribeAsync("1", "subscription { counter(to: 3) }");

        for (var i = 1; i <= 3; i++)
        {
            var next = await client.ReceiveAsync();
            Assert.Equal("next", next.GetProperty("type").GetString());
            Assert.Equal("1", next.GetProperty("id").GetString());
            Assert.Equal(i, next.GetProperty("payload").GetProperty("data").GetProperty("counter").GetInt32());
        }

        var complete = await client.ReceiveAsync();
        Assert.Equal("complete", complete.GetProperty("type").GetString());
        Assert.Equal("1", complete.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_query_over_the_socket_gets_one_next_and_complete()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        await using var client = await TransportWsTestClient.ConnectAsync(host.WebSocketUri);
        await client.InitAsync();

        await client.SubscribeAsync("q", "{ hello }");

        Assert.Equal("world", (await client.ReceiveAsync()).GetProperty("payload").GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal("complete", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_invalid_document_gets_an_error_message_and_no_complete()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        await using var client = await TransportWsTestClient.ConnectAsync(host.WebSocketUri);
        await client.InitAsync();

        await client.SubscribeAsync("bad", "subscription { nope }");
        var error = await client.ReceiveAsync();
        await client.SendAsync("""{"type":"ping"}""");
        var pong = await client.ReceiveAsync();

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("bad", error.GetProperty("id").GetString());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("pong", pong.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Ping_is_answered_with_pong_carrying_the_payload()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        await using var client = await TransportWsTestClient.ConnectAsync(host.WebSocketUri);
        await client.InitAsync();

        await client.SendAsync("""{"type":"ping","payload":{"n":7}}""");
        var pong = await client.ReceiveAsync();

        Assert.Equal("pong", pong.GetProperty("type").GetString());
        Assert.Equal(7, pong.GetProperty("payload").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task Complete_from_the_client_ends_the_subscription_on_the_server()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        await using var client = await TransportWsTestClient.ConnectAsync(host.WebSocketUri);
        await client.InitAsync();

        await client.SubscribeAsync("s", "subscription { itemAdded }");
        await WaitUntilAsync(() => host.Feed.SubscriberCount == 1);
        host.Feed.Add("fig");
        Assert.Equal("fig", (await client.ReceiveAsync()).GetProperty("payload").GetProperty("data").GetProperty("itemAdded").GetString());
        await client.SendAsync("""{"id":"s","type":"complete"}""");

        await WaitUntilAsync(() => host.Feed.SubscriberCount == 0);
    }

    [Fact]
    public async Task Closing_the_socket_ends_its_subscriptions()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        var client = await TransportWsTestClient.ConnectAsync(host.WebSocketUri);
        await client.InitAsync();
        await client.SubscribeAsync("a", "subscription { itemAdded }");
        await client.SubscribeAsync("b", "subscription { itemAdded }");
        await WaitUntilAsync(() => host.Feed.SubscriberCount == 2);

        await client.DisposeAsync();

        await WaitUntilAsync(() => host.Feed.SubscriberCount == 0);
    }

    [Fact]
    public async Task Subscribe_before_connection_ack_closes_with_4401()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        await using var client = await TransportWsTestClient.ConnectAsync(host.WebSocketUri);

        await client.SubscribeAsync("1", "{ hello }");

        Assert.Equal(4401, (await client.ExpectCloseAsync()).Code);
    }

    [Fact]
    public async Task A_second_subscribe_with_an_active_id_closes_with_4409()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        await using var client = await TransportWsTestClient.ConnectAsync(host.WebSocketUri);
        await client.InitAsync();

        await client.SubscribeAsync("same", "subscription { itemAdded }");
        await WaitUntilAsync(() => host.Feed.SubscriberCount == 1);
        await client.SubscribeAsync("same", "subscription { itemAdded }");

        var (code, reason) = await client.ExpectCloseAsync();
        Assert.Equal(4409, code);
        Assert.Equal("Subscriber for same already exists", reason);
        await WaitUntilAsync(() => host.Feed.SubscriberCount == 0);
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        await using var client = await TransportWsTestClient.ConnectAsync(host.WebSocketUri);
        await client.InitAsync();

        await client.SendAsync("""{"type":"connection_init"}""");

        Assert.Equal(4429, (await client.ExpectCloseAsync()).Code);
    }

    [Fact]
    public async Task A_client_without_the_graphql_transport_ws_subprotocol_is_closed_with_4406()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        await using var client = await TransportWsTestClient.ConnectAsync(host.WebSocketUri, "graphql-ws");

        Assert.Equal(4406, (await client.ExpectCloseAsync()).Code);
    }

    [Fact]
    public async Task No_connection_init_within_the_timeout_closes_with_4408()
    {
        await using var host = await GraphQLTestHost.StartAsync(o => o.ConnectionInitTimeout = TimeSpan.FromMilliseconds(200));
        await using var client = await TransportWsTestClient.ConnectAsync(host.WebSocketUri);

        Assert.Equal(4408, (await client.ExpectCloseAsync()).Code);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"launch"}""")]
    [InlineData("""{"id":"1","type":"subscribe","payload":"{ hello }"}""")]
    public async Task An_invalid_message_closes_with_4400(string message)
    {
        await using var host = await GraphQLTestHost.StartAsync();
        await using var client = await TransportWsTestClient.ConnectAsync(host.WebSocketUri);
        await client.InitAsync();

        await client.SendAsync(message);

        Assert.Equal(4400, (await client.ExpectCloseAsync()).Code);
    }

    [Fact]
    public async Task A_connection_the_app_refuses_closes_with_4403_and_an_accepted_one_carries_its_data()
    {
        await using var host = await GraphQLTestHost.StartAsync(o => o.OnWebSocketConnect = context =>
        {
            var token = context.Payload is { } payload && payload.TryGetProperty("token", out var value) ? value.GetString() : null;
            context.ContextData["token"] = token;
            return ValueTask.FromResult(token == "letmein");
        });
        await using var refused = await TransportWsTestClient.ConnectAsync(host.WebSocketUri);
        await using var accepted = await TransportWsTestClient.ConnectAsync(host.WebSocketUri);

        await refused.SendAsync("""{"type":"connection_init","payload":{"token":"nope"}}""");
        await accepted.InitAsync("""{"token":"letmein"}""");
        await accepted.SubscribeAsync("1", "{ hello }");

        Assert.Equal(4403, (await refused.ExpectCloseAsync()).Code);
        Assert.Equal("next", (await accepted.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_browser_page_from_a_foreign_origin_cannot_open_a_socket_unless_cors_allows_it()
    {
        await using var host = await GraphQLTestHost.StartAsync(o => o.Cors = new Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder()
            .WithOrigins("http://ide.example")
            .Build());

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => TransportWsTestClient.ConnectAsync(host.WebSocketUri, origin: "http://evil.example"));
        await using var sameHost = await TransportWsTestClient.ConnectAsync(host.WebSocketUri, origin: host.BaseAddress.GetLeftPart(UriPartial.Authority));
        await using var allowed = await TransportWsTestClient.ConnectAsync(host.WebSocketUri, origin: "http://ide.example");

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        await sameHost.InitAsync();
        await allowed.InitAsync();
    }

    [Fact]
    public async Task Without_the_websocket_middleware_an_upgrade_is_refused_with_the_fix_in_the_message()
    {
        await using var host = await GraphQLTestHost.StartAsync(useWebSockets: false);
        using var client = host.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Add("Connection", "Upgrade");
        request.Headers.Add("Upgrade", "websocket");
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UseWebSockets", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within 10 s.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
