using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure;

/// <summary>A raw graphql-transport-ws client over <see cref="ClientWebSocket"/>, for protocol edge cases a real client would never produce.</summary>
internal sealed class TransportWsTestClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public WebSocket Socket => _socket;

    public static async Task<TransportWsTestClient> ConnectAsync(Uri uri, string? subProtocol = "graphql-transport-ws", string? origin = null)
    {
        var client = new TransportWsTestClient();
        if (origin is not null)
        {
            client._socket.Options.SetRequestHeader("Origin", origin);
        }

        if (subProtocol is not null)
        {
            client._socket.Options.AddSubProtocol(subProtocol);
        }

        await client._socket.ConnectAsync(uri, TestContext.Current.CancellationToken);
        return client;
    }

    public Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);

    public async Task InitAsync(string payload = "{}")
    {
        await SendAsync($$"""{"type":"connection_init","payload":{{payload}}}""");
        var ack = await ReceiveAsync();
        Assert.Equal("connection_ack", ack.GetProperty("type").GetString());
    }

    public Task SubscribeAsync(string id, string query) =>
        SendAsync(JsonSerializer.Serialize(new { id, type = "subscribe", payload = new { query } }));

    /// <summary>The next message; fails if the server closes instead.</summary>
    public async Task<JsonElement> ReceiveAsync(TimeSpan? timeout = null)
    {
        var (message, status, description) = await ReceiveOrCloseAsync(timeout);
        Assert.True(message.HasValue, $"Expected a message, the server closed with {(int?)status} {description}.");
        return message.Value;
    }

    /// <summary>Reads until the server's close frame, skipping messages; returns its code and reason.</summary>
    public async Task<(int Code, string? Reason)> ExpectCloseAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var (message, status, description) = await ReceiveOrCloseAsync(timeout);
            if (!message.HasValue)
            {
                return ((int)status!.Value, description);
            }
        }
    }

    private async Task<(JsonElement? Message, WebSocketCloseStatus? Status, string? Description)> ReceiveOrCloseAsync(TimeSpan? timeout)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        var length = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer.AsMemory(length).ToArraySegment(), cancellation.Token);
            length += result.Count;
        }
        while (!result.EndOfMessage);

        if (result.MessageType == WebSocketMessageType.Close)
        {
            return (null, result.CloseStatus, result.CloseStatusDescription);
        }

        using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
        return (document.RootElement.Clone(), null, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception exception) when (exception is WebSocketException or TimeoutException)
            {
                // Already closing.
            }
        }

        _socket.Dispose();
    }
}

internal static class MemoryExtensions
{
    public static ArraySegment<byte> ToArraySegment(this Memory<byte> memory) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(memory, out var segment) ? segment : throw new InvalidOperationException();
}
