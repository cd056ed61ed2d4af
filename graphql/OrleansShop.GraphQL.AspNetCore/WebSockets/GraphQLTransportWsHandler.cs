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
        if (!IsOriginAllowed(context))
        {
            // Browsers do not apply CORS to WebSockets, so a page on any site could open one with the user's cookies.
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

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

    /// <summary>
    /// Clients that send no Origin (non-browser clients) and pages of the endpoint's own host are allowed; other browser pages
    /// only when <see cref="GraphQLServerOptions.Cors"/> allows their origin.
    /// </summary>
    private bool IsOriginAllowed(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        if (Uri.TryCreate(origin, UriKind.Absolute, out var originUri)
            && string.Equals(originUri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return options.Value.Cors is { } policy && (policy.AllowAnyOrigin || policy.IsOriginAllowed(origin));
    }
}
