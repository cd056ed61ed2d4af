using System.Security.Claims;

namespace OrleansShop.GraphQL.AspNetCore.Execution;

/// <summary>The per-request context the transport hands the executor: services, user, cancellation and shared data.</summary>
internal readonly record struct RequestContext(
    IServiceProvider Services,
    ClaimsPrincipal? User,
    IDictionary<string, object?>? ContextData,
    CancellationToken RequestAborted);
