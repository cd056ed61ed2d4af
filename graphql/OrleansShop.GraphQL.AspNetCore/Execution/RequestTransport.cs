namespace OrleansShop.GraphQL.AspNetCore.Execution;

/// <summary>How a request arrived, which decides the operation types it may run.</summary>
internal enum RequestTransport
{
    /// <summary>GET: queries only (GraphQL over HTTP: mutations over GET get 405).</summary>
    HttpGet,

    /// <summary>POST: queries and mutations; subscriptions need a WebSocket.</summary>
    HttpPost,

    /// <summary>graphql-transport-ws: every operation type.</summary>
    WebSocket,
}
