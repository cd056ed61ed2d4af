using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace OrleansShop.GraphQL.AspNetCore.Execution;

/// <summary>
/// The per-request context the transport hands the executor: the HTTP request (for a WebSocket, its upgrade request),
/// services, user, cancellation and shared data.
/// </summary>
internal readonly record struct RequestContext(
    HttpContext HttpContext,
    IServiceProvider Services,
    ClaimsPrincipal? User,
    IDictionary<string, object?>? ContextData,
    CancellationToken RequestAborted);
