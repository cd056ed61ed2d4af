using HotChocolate.Execution.Configuration;

namespace OrleansShop.Api.Schema;

/// <summary>Binds the contract's fields to resolvers written as plain (async) functions of the resolver context.</summary>
internal static class Resolvers
{
    public static IRequestExecutorBuilder Field(this IRequestExecutorBuilder graphql, string type, string field, Func<IResolverContext, object?> resolver) =>
        graphql.AddResolver(type, field, resolver);

    public static IRequestExecutorBuilder FieldAsync<T>(this IRequestExecutorBuilder graphql, string type, string field, Func<IResolverContext, Task<T>> resolver) =>
        graphql.AddResolver(type, field, async context => (object?)await resolver(context).ConfigureAwait(false));
}
