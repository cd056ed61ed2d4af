using System.Security.Claims;

namespace OrleansShop.GraphQL.Execution;

/// <summary>What to execute: a prepared document (or query text), the operation name, variables and the request's context.</summary>
public sealed class ExecutionRequest
{
    /// <summary>A cached, validated document; when null <see cref="Query"/> is parsed (and validated if the executor has a validator).</summary>
    public PreparedDocument? Document { get; init; }

    public string? Query { get; init; }

    public string? OperationName { get; init; }

    /// <summary>Variable values as JSON-compatible .NET values or <see cref="System.Text.Json.JsonElement"/>s.</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>The request's services (the transport passes the request scope's provider).</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>The authenticated user, exposed to resolvers as <see cref="IResolverContext.User"/>.</summary>
    public ClaimsPrincipal? User { get; init; }

    /// <summary>The per-request property bag; a new one is created when null.</summary>
    public IDictionary<string, object?>? ContextData { get; init; }

    /// <summary>The parent value of root fields.</summary>
    public object? RootValue { get; init; }
}
