using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OrleansShop.GraphQL.AspNetCore;

/// <summary>What <see cref="GraphQLServerOptions.OnWebSocketConnect"/> sees: the upgrade request and the <c>connection_init</c> payload.</summary>
public sealed class WebSocketConnectContext
{
    internal WebSocketConnectContext(HttpContext httpContext, JsonElement? payload)
    {
        HttpContext = httpContext;
        Payload = payload;
    }

    public HttpContext HttpContext { get; }

    /// <summary>The <c>payload</c> of <c>connection_init</c>, if the client sent one (often <c>{ "Authorization": "Bearer ..." }</c>).</summary>
    public JsonElement? Payload { get; }

    /// <summary>Entries copied into every operation's context data on this connection.</summary>
    public IDictionary<string, object?> ContextData { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}
