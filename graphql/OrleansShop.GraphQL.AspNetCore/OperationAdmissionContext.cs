using Microsoft.AspNetCore.Http;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Validation;

namespace OrleansShop.GraphQL.AspNetCore;

/// <summary>
/// What <see cref="GraphQLServerOptions.OnOperationAdmission"/> sees of an operation that passed validation and the cost
/// limit and is about to run: who asks (the HTTP request, or for a WebSocket the upgrade request) and what it costs.
/// </summary>
public sealed class OperationAdmissionContext
{
    internal OperationAdmissionContext(HttpContext httpContext, OperationType operation, string? operationName, OperationCost cost, bool overWebSocket)
    {
        HttpContext = httpContext;
        Operation = operation;
        OperationName = operationName;
        Cost = cost;
        OverWebSocket = overWebSocket;
    }

    /// <summary>The request the operation came with; over a WebSocket, the upgrade request of its connection.</summary>
    public HttpContext HttpContext { get; }

    public OperationType Operation { get; }

    /// <summary>The name of the operation selected to run, null when it has none.</summary>
    public string? OperationName { get; }

    /// <summary>The cost the engine computed with the request's variables applied (introspection costs nothing).</summary>
    public OperationCost Cost { get; }

    /// <summary>Whether the operation came as a graphql-transport-ws <c>subscribe</c> message rather than over HTTP.</summary>
    public bool OverWebSocket { get; }
}
