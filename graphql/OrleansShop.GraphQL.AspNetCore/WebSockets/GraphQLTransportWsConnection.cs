using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrleansShop.GraphQL.AspNetCore.Execution;
using OrleansShop.GraphQL.Execution;

namespace OrleansShop.GraphQL.AspNetCore.WebSockets;

/// <summary>
/// One graphql-transport-ws connection: <c>connection_init</c>/<c>connection_ack</c> within the init timeout, <c>ping</c>/<c>pong</c>,
/// and any number of concurrent operations, each <c>subscribe</c>d under a unique id and answered with <c>next</c>, <c>error</c> and
/// <c>complete</c>. Protocol violations close the socket with the protocol's 44xx codes.
/// </summary>
internal sealed partial class GraphQLTransportWsConnection(
    WebSocket socket,
    HttpContext httpContext,
    GraphQLRequestExecutor executor,
    GraphQLServerOptions options,
    ILogger<GraphQLTransportWsConnection> logger)
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _operations = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _sendBuffer = new(1024);
    private readonly CancellationTokenSource _connectionAborted = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted);
    private readonly List<Task> _running = [];
    private IDictionary<string, object?>? _connectionData;
    private int _initReceived;
    private volatile bool _acknowledged;
    private volatile bool _closing;

    public async Task RunAsync()
    {
        var initWatch = WatchInitialisationAsync();
        try
        {
            await ReceiveLoopAsync().ConfigureAwait(false);
            if (socket.State == WebSocketState.CloseSent)
            {
                await DrainAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await _connectionAborted.CancelAsync().ConfigureAwait(false);
            Task[] running;
            lock (_running)
            {
                running = [.. _running];
            }

            await Task.WhenAll(running).ConfigureAwait(false);
            await initWatch.ConfigureAwait(false);
            foreach (var operation in _operations.Values)
            {
                operation.Dispose();
            }

            _connectionAborted.Dispose();
        }
    }

    /// <summary>Sends a close frame; the receive loop then waits for the client's close and ends.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        _closing = true;
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, reason, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            // The client is already gone.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>After closing, reads until the client's close frame arrives (bounded, so a silent client cannot hold the request).</summary>
    public async Task DrainAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var buffer = ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Nothing more to read.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task WatchInitialisationAsync()
    {
        try
        {
            await Task.Delay(options.ConnectionInitTimeout, _connectionAborted.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref _initReceived) == 0)
        {
            await CloseAsync(TransportWsCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout").ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        if (buffer.Length >= options.MaxRequestBodySize)
                        {
                            await CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big").ConfigureAwait(false);
                            await DrainAsync().ConfigureAwait(false);
                            return;
                        }

                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(length), _connectionAborted.Token).ConfigureAwait(false);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty).ConfigureAwait(false);
                    }

                    return;
                }

                if (_closing)
                {
                    continue;
                }

                if (length > options.MaxRequestBodySize)
                {
                    await CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big").ConfigureAwait(false);
                    continue;
                }

                await HandleMessageAsync(buffer.AsMemory(0, length), result.MessageType).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client disconnected or the server is stopping.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task HandleMessageAsync(ReadOnlyMemory<byte> message, WebSocketMessageType messageType)
    {
        JsonDocument document;
        try
        {
            if (messageType != WebSocketMessageType.Text)
            {
                throw new JsonException("Binary messages are not part of the protocol.");
            }

            document = JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            await CloseAsync(TransportWsCloseCodes.BadRequest, "Invalid message received").ConfigureAwait(false);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                await CloseAsync(TransportWsCloseCodes.BadRequest, "Invalid message received").ConfigureAwait(false);
                return;
            }

            root.TryGetProperty("payload", out var payload);
            switch (typeElement.GetString())
            {
                case "connection_init":
                    await InitialiseAsync(payload).ConfigureAwait(false);
                    break;
                case "ping":
                    await SendAsync(static (writer, state) => WritePong(writer, state), payload).ConfigureAwait(false);
                    break;
                case "pong":
                    break;
                case "subscribe":
                    await SubscribeAsync(root, payload).ConfigureAwait(false);
                    break;
                case "complete":
                    if (root.TryGetProperty("id", out var completeId) && completeId.ValueKind == JsonValueKind.String
                        && _operations.TryRemove(completeId.GetString()!, out var operation))
                    {
                        await operation.CancelAsync().ConfigureAwait(false);
                    }

                    break;
                default:
                    await CloseAsync(TransportWsCloseCodes.BadRequest, $"Unexpected message of type {typeElement.GetString()} received").ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task InitialiseAsync(JsonElement payload)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            await CloseAsync(TransportWsCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests").ConfigureAwait(false);
            return;
        }

        if (payload.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
        {
            await CloseAsync(TransportWsCloseCodes.BadRequest, "Invalid message received").ConfigureAwait(false);
            return;
        }

        if (options.OnWebSocketConnect is { } onConnect)
        {
            var connect = new WebSocketConnectContext(httpContext, payload.ValueKind == JsonValueKind.Object ? payload.Clone() : null);
            bool allowed;
            try
            {
                allowed = await onConnect(connect).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogConnectFailure(logger, exception);
                allowed = false;
            }

            if (!allowed)
            {
                await CloseAsync(TransportWsCloseCodes.Forbidden, "Forbidden").ConfigureAwait(false);
                return;
            }

            _connectionData = connect.ContextData;
        }

        _acknowledged = true;
        await SendAsync(static (writer, _) => WriteType(writer, null, "connection_ack"u8), 0).ConfigureAwait(false);
    }

    private async Task SubscribeAsync(JsonElement message, JsonElement payload)
    {
        if (!_acknowledged)
        {
            await CloseAsync(TransportWsCloseCodes.Unauthorized, "Unauthorized").ConfigureAwait(false);
            return;
        }

        if (!message.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String
            || idElement.GetString() is not { Length: > 0 } id || payload.ValueKind != JsonValueKind.Object)
        {
            await CloseAsync(TransportWsCloseCodes.BadRequest, "Invalid message received").ConfigureAwait(false);
            return;
        }

        var request = GraphQLRequestReader.Read(JsonMarshal.GetRawUtf8Value(payload), out var error);
        if (request is null)
        {
            await CloseAsync(TransportWsCloseCodes.BadRequest, error!.Length <= 120 ? error : "Invalid subscribe payload").ConfigureAwait(false);
            return;
        }

        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_connectionAborted.Token);
        if (!_operations.TryAdd(id, cancellation))
        {
            request.Dispose();
            cancellation.Dispose();
            await CloseAsync(TransportWsCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists").ConfigureAwait(false);
            return;
        }

        var running = Task.Run(() => RunOperationAsync(id, request, cancellation));
        lock (_running)
        {
            _running.RemoveAll(static task => task.IsCompleted);
            _running.Add(running);
        }
    }

    private async Task RunOperationAsync(string id, GraphQLRequest request, CancellationTokenSource cancellation)
    {
        var token = cancellation.Token;
        try
        {
            RequestOutcome outcome;
            using (request)
            {
                var contextData = new Dictionary<string, object?>(StringComparer.Ordinal);
                if (_connectionData is not null)
                {
                    foreach (var (key, value) in _connectionData)
                    {
                        contextData[key] = value;
                    }
                }

                outcome = await executor.ExecuteAsync(
                    request,
                    RequestTransport.WebSocket,
                    new RequestContext(httpContext, httpContext.RequestServices, httpContext.User, contextData, token)).ConfigureAwait(false);
            }

            if (outcome.Stream is { } stream)
            {
                await foreach (var item in stream.WithCancellation(token).ConfigureAwait(false))
                {
                    await SendAsync(static (writer, state) => WriteNext(writer, state.id, state.item), (id, item)).ConfigureAwait(false);
                }
            }
            else if (outcome.Result is { HasData: false } result)
            {
                // Errors before execution (parse, validation, variables): an error message ends the operation, no complete follows.
                if (_operations.TryRemove(new KeyValuePair<string, CancellationTokenSource>(id, cancellation)))
                {
                    await SendAsync(static (writer, state) => WriteError(writer, state.id, state.errors), (id, errors: result.Errors)).ConfigureAwait(false);
                }

                return;
            }
            else
            {
                await SendAsync(static (writer, state) => WriteNext(writer, state.id, state.item), (id, item: outcome.Result!)).ConfigureAwait(false);
            }

            // Only when the server ended the stream: after the client's complete, nothing more is sent for that id.
            if (_operations.TryRemove(new KeyValuePair<string, CancellationTokenSource>(id, cancellation)))
            {
                await SendAsync(static (writer, state) => WriteType(writer, state, "complete"u8), id).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client completed the operation or the connection ended.
        }
        catch (WebSocketException)
        {
            // The client is gone.
        }
        catch (Exception exception)
        {
            LogOperationFailure(logger, id, exception);
            if (_operations.TryRemove(new KeyValuePair<string, CancellationTokenSource>(id, cancellation)))
            {
                IReadOnlyList<GraphQLError> errors = [new GraphQLError("Unexpected Execution Error", extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.UnexpectedError })];
                await SendAsync(static (writer, state) => WriteError(writer, state.id, state.errors), (id, errors)).ConfigureAwait(false);
            }
        }
        finally
        {
            _operations.TryRemove(new KeyValuePair<string, CancellationTokenSource>(id, cancellation));
            cancellation.Dispose();
        }
    }

    private async Task SendAsync<TState>(Action<Utf8JsonWriter, TState> write, TState state)
    {
        await _sendLock.WaitAsync(_connectionAborted.Token).ConfigureAwait(false);
        try
        {
            if (_closing || socket.State != WebSocketState.Open)
            {
                return;
            }

            _sendBuffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_sendBuffer, ResultJsonWriter.WriterOptions))
            {
                write(writer, state);
            }

            await socket.SendAsync(_sendBuffer.WrittenMemory, WebSocketMessageType.Text, true, _connectionAborted.Token).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private static void WriteType(Utf8JsonWriter writer, string? id, ReadOnlySpan<byte> type)
    {
        writer.WriteStartObject();
        if (id is not null)
        {
            writer.WriteString("id"u8, id);
        }

        writer.WriteString("type"u8, type);
        writer.WriteEndObject();
    }

    private static void WritePong(Utf8JsonWriter writer, JsonElement payload)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "pong"u8);
        if (payload.ValueKind == JsonValueKind.Object)
        {
            writer.WritePropertyName("payload"u8);
            payload.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static void WriteNext(Utf8JsonWriter writer, string id, ExecutionResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, id);
        writer.WriteString("type"u8, "next"u8);
        writer.WritePropertyName("payload"u8);
        result.WriteTo(writer);
        writer.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter writer, string id, IReadOnlyList<GraphQLError> errors)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, id);
        writer.WriteString("type"u8, "error"u8);
        writer.WritePropertyName("payload"u8);
        ExecutionResult.WriteErrors(writer, errors);
        writer.WriteEndObject();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL WebSocket operation {Id} failed.")]
    private static partial void LogOperationFailure(ILogger logger, string id, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "OnWebSocketConnect threw; the connection is refused.")]
    private static partial void LogConnectFailure(ILogger logger, Exception exception);
}
