using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansShop.GraphQL.AspNetCore.Execution;

namespace OrleansShop.GraphQL.AspNetCore.WebSockets;

/// <summary>Accepts a WebSocket upgrade on the GraphQL endpoint and runs a graphql-transport-ws connection on it.</summary>
internal sealed class GraphQLTransportWsHandler(
    GraphQLRequestExecutor executor,
    IOptions<GraphQLServerOptions> options,
    ILogger<GraphQLTransportWsConnection> logger)
{
    public const string SubProtocol = "graphql-transport-ws";

    public async Task HandleAsync(HttpContext context)
    {
        var supported = context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal);

        // As graphql-ws does: accept, then close with 4406, so the client learns why rather than seeing a failed handshake.
        using var socket = await context.WebSockets.AcceptWebSocketAsync(supported ? SubProtocol : null).ConfigureAwait(false);
        var connection = new GraphQLTransportWsConnection(socket, context, executor, options.Value, logger);
        if (!supported)
        {
            await connection.CloseAsync(TransportWsCloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable").ConfigureAwait(false);
            await connection.DrainAsync().ConfigureAwait(false);
            return;
        }

        await connection.RunAsync().ConfigureAwait(false);
    }
}
