using HotChocolate.Execution.Configuration;
using OrleansShop.Api.Auth;

namespace OrleansShop.Api.Schema;

internal static class AuthorizationBuilderExtensions
{
    /// <summary>HotChocolate's <c>@authorize</c> on ASP.NET Core policies, on the fields <see cref="AuthorizedFields"/> names.</summary>
    public static IRequestExecutorBuilder AddShopAuthorization(this IRequestExecutorBuilder graphql) => graphql
        .AddAuthorizationCore()
        .AddAuthorizationHandler<PolicyAuthorizationHandler>()
        .TryAddTypeInterceptor(new AuthorizedFields());
}
