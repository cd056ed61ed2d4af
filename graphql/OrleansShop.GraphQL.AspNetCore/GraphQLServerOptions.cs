using Microsoft.AspNetCore.Cors.Infrastructure;
using OrleansShop.GraphQL.Validation;

namespace OrleansShop.GraphQL.AspNetCore;

/// <summary>
/// Settings of the GraphQL endpoint. Every setting has a default that suits a public endpoint; bind from configuration with
/// <c>services.Configure&lt;GraphQLServerOptions&gt;(configuration.GetSection("GraphQL"))</c>.
/// </summary>
public sealed class GraphQLServerOptions
{
    /// <summary>The largest request body (POST) or WebSocket message accepted, in bytes; larger requests get 413.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>How many distinct parsed and validated documents are kept (least recently used ones are dropped).</summary>
    public int DocumentCacheSize { get; set; } = 512;

    /// <summary>Queries over GET (<c>?query=...</c>). Mutations over GET are always refused with 405.</summary>
    public bool EnableGetRequests { get; set; } = true;

    /// <summary>A browser's GET (Accept: text/html) serves GraphiQL from the application itself.</summary>
    public bool EnableIde { get; set; } = true;

    /// <summary>GET <c>?sdl</c> returns the schema in SDL.</summary>
    public bool EnableSchemaRequests { get; set; } = true;

    /// <summary>Subscriptions (and any operation) over WebSocket with the graphql-transport-ws protocol.</summary>
    public bool EnableWebSockets { get; set; } = true;

    /// <summary>How long a WebSocket client has to send <c>connection_init</c> before the server closes with 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Decides whether a WebSocket connection may proceed, given its <c>connection_init</c> payload (e.g. a token);
    /// returning false closes the socket with 4403 Forbidden. Null accepts every connection.
    /// </summary>
    public Func<WebSocketConnectContext, ValueTask<bool>>? OnWebSocketConnect { get; set; }

    /// <summary>
    /// Admits or refuses each operation after validation and the cost limit, before any resolver runs, over HTTP and
    /// graphql-transport-ws alike (e.g. a per-client budget charged with <see cref="OperationAdmissionContext.Cost"/>).
    /// Null admits every operation.
    /// </summary>
    public Func<OperationAdmissionContext, ValueTask<OperationAdmission>>? OnOperationAdmission { get; set; }

    /// <summary>
    /// Cross-origin access, so that an IDE or web app served from another origin can call the endpoint (preflight included).
    /// Null (the default) sends no CORS headers. Build one with <see cref="CorsPolicyBuilder"/>. WebSocket upgrades from a browser
    /// page on another host are refused (403) unless this policy allows the page's origin.
    /// </summary>
    public CorsPolicy? Cors { get; set; }

    /// <summary>Apollo automatic persisted queries (<c>extensions.persistedQuery.sha256Hash</c>); needs a persisted-operation store.</summary>
    public bool EnableAutomaticPersistedQueries { get; set; }

    /// <summary>Write resolver exception messages into errors instead of "Unexpected Execution Error" (development only).</summary>
    public bool IncludeExceptionDetails { get; set; }

    /// <summary>Validation limits (depth, aliases, field count, introspection depth); null means the engine's defaults.</summary>
    public ValidationOptions? Validation { get; set; }

    /// <summary>
    /// The cost budget checked before every operation runs, with the request's variables applied (list sizes from
    /// <c>first</c>/<c>last</c>, <c>@cost</c>, <c>@listSize</c>); an operation over budget is refused with
    /// <c>MAX_COST_EXCEEDED</c> and nothing executes. Null turns the check off.
    /// </summary>
    public CostOptions? Cost { get; set; } = CostOptions.Default;

    internal void Validate()
    {
        if (MaxRequestBodySize <= 0)
        {
            throw new InvalidOperationException($"{nameof(GraphQLServerOptions)}.{nameof(MaxRequestBodySize)} must be positive.");
        }

        if (DocumentCacheSize < 0)
        {
            throw new InvalidOperationException($"{nameof(GraphQLServerOptions)}.{nameof(DocumentCacheSize)} must not be negative.");
        }

        Cost?.Validate();

        if (ConnectionInitTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{nameof(GraphQLServerOptions)}.{nameof(ConnectionInitTimeout)} must be positive.");
        }
    }
}
