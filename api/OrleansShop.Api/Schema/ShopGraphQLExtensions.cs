using OrleansShop.Api.Auth;
using OrleansShop.GraphQL.Validation;

namespace OrleansShop.Api.Schema;

public static class ShopGraphQLExtensions
{
    /// <summary>The GraphQL server over the contract schema (GraphiQL, ?sdl and graphql-transport-ws included).</summary>
    public static IServiceCollection AddShopGraphQL(this IServiceCollection services)
    {
        services.AddGraphQLServer(_ => ShopSchema.Create(), options =>
        {
            // A storefront's category page (top categories, each with a page of products and their prices and stock) is
            // estimated at about 1,200 by the default weights; the engine's default budget of 1,000 would refuse it.
            options.Cost = new CostOptions { MaxFieldCost = 5_000, MaxTypeCost = 5_000 };
            options.OnWebSocketConnect = WebSocketAuthentication.AuthenticateAsync;
        });
        return services;
    }
}
