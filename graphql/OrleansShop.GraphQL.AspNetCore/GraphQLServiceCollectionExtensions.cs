using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansShop.GraphQL.AspNetCore.Execution;
using OrleansShop.GraphQL.AspNetCore.Http;
using OrleansShop.GraphQL.AspNetCore.Ide;
using OrleansShop.GraphQL.AspNetCore.WebSockets;
using OrleansShop.GraphQL.Types;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the GraphQL server: <c>services.AddGraphQLServer(schema)</c>, then <c>app.MapGraphQL()</c>.</summary>
/// <example>
/// <code>
/// var builder = WebApplication.CreateBuilder(args);
/// builder.Services
///     .AddGraphQLServer(schema, options => options.Cors = new CorsPolicyBuilder().WithOrigins("https://ide.example").AllowAnyHeader().AllowAnyMethod().Build())
///     .AddAutomaticPersistedQueries();
/// var app = builder.Build();
/// app.UseWebSockets();   // for subscriptions (graphql-transport-ws)
/// app.MapGraphQL("/graphql");
/// app.Run();
/// </code>
/// </example>
public static class GraphQLServiceCollectionExtensions
{
    /// <summary>Registers the GraphQL server for <paramref name="schema"/>.</summary>
    public static OrleansShop.GraphQL.AspNetCore.GraphQLServerBuilder AddGraphQLServer(
        this IServiceCollection services,
        GraphQLSchema schema,
        Action<OrleansShop.GraphQL.AspNetCore.GraphQLServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return services.AddGraphQLServer(_ => schema, configure);
    }

    /// <summary>Registers the GraphQL server for the schema <paramref name="schemaFactory"/> builds once, on first use.</summary>
    public static OrleansShop.GraphQL.AspNetCore.GraphQLServerBuilder AddGraphQLServer(
        this IServiceCollection services,
        Func<IServiceProvider, GraphQLSchema> schemaFactory,
        Action<OrleansShop.GraphQL.AspNetCore.GraphQLServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(schemaFactory);
        var options = services.AddOptions<OrleansShop.GraphQL.AspNetCore.GraphQLServerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(
            static o =>
            {
                o.Validate();
                return true;
            });
        services.TryAddSingleton(schemaFactory);
        services.AddCors();
        services.TryAddSingleton<GraphQLRequestExecutor>();
        services.TryAddSingleton<GraphQLTransportWsHandler>();
        services.TryAddSingleton<IdeAssets>();
        services.TryAddSingleton<GraphQLHttpEndpoint>();
        return new OrleansShop.GraphQL.AspNetCore.GraphQLServerBuilder(services);
    }
}
