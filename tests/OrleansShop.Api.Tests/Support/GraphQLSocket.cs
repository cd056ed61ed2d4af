using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansShop.Api.Tests.Support;

/// <summary>
/// A graphql-transport-ws client over a real WebSocket to the shop: connects, acknowledges, subscribes, completes.
/// Self-contained (xunit only), so the cluster tests link it too.
/// </summary>
public sealed class GraphQLSocket : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket socket = new();

    private GraphQLSocket()
    {
    }

    /// <param name="tokenInPayload">Sends the token in connection_init's payload, as browser clients must, instead of a header.</param>
    public static async Task<GraphQLSocket> ConnectAsync(Uri webSocketUri, string? accessToken = null, bool tokenInPayload = false)
    {
        var client = await OpenAsync(webSocketUri, accessToken, tokenInPayload);
        Assert.Equal("connection_ack", (await client.ReceiveAsync())["type"]!.GetValue<string>());
        return client;
    }

    /// <summary>Connects and sends connection_init without waiting for the server's answer.</summary>
    public static async Task<GraphQLSocket> OpenAsync(Uri webSocketUri, string? accessToken, bool tokenInPayload)
    {
        var client = new GraphQLSocket();
        client.socket.Options.AddSubProtocol("graphql-transport-ws");
        if (accessToken is not null && !tokenInPayload)
        {
            client.socket.Options.SetRequestHeader("Authorization", "Bearer " + accessToken);
        }

        await client.socket.ConnectAsync(webSocketUri, TestContext.Current.CancellationToken);
        object payload = accessToken is not null && tokenInPayload ? new { Authorization = "Bearer " + accessToken } : new { };
        await client.SendAsync(new { type = "connection_init", payload });
        return client;
    }

    /// <summary>Reads until the server closes the connection; returns its close code.</summary>
    public async Task<int> ClosedWithAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        var buffer = new byte[4096];
        while (true)
        {
            var frame = await socket.ReceiveAsync(buffer, timeout.Token);
            if (frame.MessageType == WebSocketMessageType.Close)
            {
                return (int)socket.CloseStatus!.Value;
            }
        }
    }

    public Task SubscribeAsync(string id, string query, object? variables = null, string? operationName = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables, operationName } });

    public Task CompleteAsync(string id) => SendAsync(new { id, type = "complete" });

    /// <summary>The next message other than a ping (answered); fails the test if none comes in time.</summary>
    public async Task<JsonNode> ReceiveAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        while (true)
        {
            using var text = new MemoryStream();
            var buffer = new byte[4096];
            WebSocketReceiveResult frame;
            do
            {
                frame = await socket.ReceiveAsync(buffer, timeout.Token);
                Assert.NotEqual(WebSocketMessageType.Close, frame.MessageType);
                text.Write(buffer, 0, frame.Count);
            }
            while (!frame.EndOfMessage);

            var message = JsonNode.Parse(text.ToArray())!;
            if (message["type"]!.GetValue<string>() != "ping")
            {
                return message;
            }

            await SendAsync(new { type = "pong" });
        }
    }

    /// <summary>The next message, which must be a <c>next</c> for <paramref name="id"/>; returns its payload.</summary>
    public async Task<JsonNode> NextAsync(string id)
    {
        var message = await ReceiveAsync();
        Assert.True(message["type"]!.GetValue<string>() == "next" && message["id"]!.GetValue<string>() == id, message.ToJsonString());
        return message["payload"]!;
    }

    /// <summary>Drops the connection without a close handshake, as a client that loses its network does.</summary>
    public void Abort() => socket.Abort();

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Already gone.
        }
        finally
        {
            socket.Dispose();
        }
    }

    private Task SendAsync(object message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);
}
