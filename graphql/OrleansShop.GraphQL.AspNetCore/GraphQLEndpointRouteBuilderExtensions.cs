using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrleansShop.GraphQL.AspNetCore;
using OrleansShop.GraphQL.AspNetCore.Execution;
using OrleansShop.GraphQL.AspNetCore.Http;
using OrleansShop.GraphQL.AspNetCore.Ide;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the GraphQL endpoint: <c>app.MapGraphQL("/graphql")</c>.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps GraphQL over HTTP (GET and POST), graphql-transport-ws (needs <c>app.UseWebSockets()</c> earlier in the pipeline),
    /// GET <c>?sdl</c> and, for browsers, GraphiQL with its files under <c>{pattern}/ide/</c>. The returned builder applies
    /// conventions (authorization, rate limiting, CORS metadata) to all of them.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);

        // Resolved now so that a schema error or an invalid option fails at startup, not on the first request.
        var services = endpoints.ServiceProvider;
        _ = services.GetService<GraphQLRequestExecutor>()
            ?? throw new InvalidOperationException("Call services.AddGraphQLServer(...) before app.MapGraphQL().");
        var endpoint = services.GetRequiredService<GraphQLHttpEndpoint>();
        var ide = services.GetRequiredService<IdeAssets>();
        var main = endpoints.Map(pattern, endpoint.HandleAsync).WithDisplayName("GraphQL " + pattern);
        var assets = endpoints.MapMethods(
                pattern.TrimEnd('/') + "/ide/{**path}",
                [HttpMethods.Get, HttpMethods.Head],
                (HttpContext context, string? path) => ide.WriteAssetAsync(context, path ?? string.Empty))
            .WithDisplayName("GraphiQL files " + pattern);
        return new GraphQLEndpointConventionBuilder(main, assets);
    }
}
