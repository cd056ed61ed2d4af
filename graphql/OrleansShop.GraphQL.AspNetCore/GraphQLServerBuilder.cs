using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansShop.GraphQL.AspNetCore.Persisted;

namespace OrleansShop.GraphQL.AspNetCore;

/// <summary>Configures the GraphQL server that <see cref="GraphQLServiceCollectionExtensions.AddGraphQLServer(IServiceCollection, Types.GraphQLSchema, Action{GraphQLServerOptions}?)"/> registered.</summary>
public sealed class GraphQLServerBuilder
{
    internal GraphQLServerBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }

    public GraphQLServerBuilder ConfigureOptions(Action<GraphQLServerOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Enables Apollo automatic persisted queries with a per-process store of at most <paramref name="capacity"/> documents.</summary>
    public GraphQLServerBuilder AddAutomaticPersistedQueries(int capacity = 10_000)
    {
        Services.Replace(ServiceDescriptor.Singleton<IPersistedOperationStore>(new InMemoryPersistedOperationStore(capacity)));
        Services.Configure<GraphQLServerOptions>(options => options.EnableAutomaticPersistedQueries = true);
        return this;
    }

    /// <summary>Enables Apollo automatic persisted queries with a shared store (e.g. one backed by SQL, for several API instances).</summary>
    public GraphQLServerBuilder AddAutomaticPersistedQueries<TStore>()
        where TStore : class, IPersistedOperationStore
    {
        Services.Replace(ServiceDescriptor.Singleton<IPersistedOperationStore, TStore>());
        Services.Configure<GraphQLServerOptions>(options => options.EnableAutomaticPersistedQueries = true);
        return this;
    }
}
