using System.Security.Claims;
using HotChocolate.Authorization;
using Microsoft.AspNetCore.Authorization;
using IGraphQLAuthorizationHandler = HotChocolate.Authorization.IAuthorizationHandler;

namespace OrleansShop.Api.Auth;

/// <summary>
/// Evaluates the schema's <c>@authorize(policy: ...)</c> with ASP.NET Core's policies (<see cref="ShopPolicies"/>), the
/// same ones endpoints use. HotChocolate.AspNetCore.Authorization does this too but is not served here; this is the part
/// of it the shop needs.
/// </summary>
internal sealed class PolicyAuthorizationHandler : IGraphQLAuthorizationHandler
{
    public ValueTask<AuthorizeResult> AuthorizeAsync(IMiddlewareContext context, AuthorizeDirective directive, CancellationToken cancellationToken = default) =>
        EvaluateAsync(context.Services.GetRequiredService<IAuthorizationService>(), context.GetUser(), [directive]);

    public ValueTask<AuthorizeResult> AuthorizeAsync(AuthorizationContext context, IReadOnlyList<AuthorizeDirective> directives, CancellationToken cancellationToken = default) =>
        EvaluateAsync(
            context.Services.GetRequiredService<IAuthorizationService>(),
            context.ContextData.TryGetValue(nameof(ClaimsPrincipal), out var user) ? user as ClaimsPrincipal : null,
            directives);

    private static async ValueTask<AuthorizeResult> EvaluateAsync(IAuthorizationService authorization, ClaimsPrincipal? user, IReadOnlyList<AuthorizeDirective> directives)
    {
        user ??= new ClaimsPrincipal(new ClaimsIdentity());
        foreach (var directive in directives)
        {
            var allowed = directive.Policy is { } policy
                ? (await authorization.AuthorizeAsync(user, policy).ConfigureAwait(false)).Succeeded
                : directive.Roles is not { Count: > 0 } roles || roles.Any(user.IsInRole);
            if (!allowed)
            {
                return user.Identity?.IsAuthenticated != true && directive.Policy != ShopPolicies.AdministratorData
                    ? AuthorizeResult.NotAuthenticated
                    : AuthorizeResult.NotAllowed;
            }
        }

        return AuthorizeResult.Allowed;
    }
}
