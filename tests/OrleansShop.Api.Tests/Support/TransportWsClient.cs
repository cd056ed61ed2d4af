using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansShop.Api.Tests.Support;

/// <summary>A graphql-transport-ws client over a real WebSocket to the shop, enough to send one operation and read the answer.</summary>
public sealed class TransportWsClient : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();

    public static async Task<TransportWsClient> ConnectAsync(ShopServer server, string? accessToken = null)
    {
        var client = new TransportWsClient();
        client.socket.Options.AddSubProtocol("graphql-transport-ws");
        if (accessToken is not null)
        {
            client.socket.Options.SetRequestHeader("Authorization", "Bearer " + accessToken);
        }

        var uri = new UriBuilder(new Uri(server.Http.BaseAddress!, "/graphql")) { Scheme = "ws" }.Uri;
        await client.socket.ConnectAsync(uri, TestContext.Current.CancellationToken);
        await client.SendAsync(new { type = "connection_init" });
        var ack = await client.ReceiveAsync();
        Assert.Equal("connection_ack", ack["type"]!.GetValue<string>());
        return client;
    }

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    public async Task<JsonNode> ReceiveAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(message.ToArray())!;
    }

    private Task SendAsync(object message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }

        socket.Dispose();
    }
}
