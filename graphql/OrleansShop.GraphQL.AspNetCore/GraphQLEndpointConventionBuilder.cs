using Microsoft.AspNetCore.Builder;

namespace OrleansShop.GraphQL.AspNetCore;

/// <summary>Applies conventions to every endpoint MapGraphQL creates (the GraphQL endpoint and the IDE's files).</summary>
internal sealed class GraphQLEndpointConventionBuilder(params IEndpointConventionBuilder[] builders) : IEndpointConventionBuilder
{
    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var builder in builders)
        {
            builder.Add(convention);
        }
    }

    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var builder in builders)
        {
            builder.Finally(finallyConvention);
        }
    }
}
