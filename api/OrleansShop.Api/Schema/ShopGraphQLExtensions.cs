namespace OrleansShop.Api.Schema;

public static class ShopGraphQLExtensions
{
    /// <summary>The GraphQL server over the contract schema (GraphiQL, ?sdl and graphql-transport-ws included).</summary>
    public static IServiceCollection AddShopGraphQL(this IServiceCollection services)
    {
        services.AddGraphQLServer(_ => ShopSchema.Create());
        return services;
    }
}
