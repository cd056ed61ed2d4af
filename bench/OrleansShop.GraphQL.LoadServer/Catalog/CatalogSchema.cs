using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.LoadServer.Catalog;

/// <summary>
/// The benchmark schema, code first (the engine's fast path: properties read by compiled getters). It prints as
/// Operations/catalog.graphql, which graphql-js builds its side from; bench/js/check-same.mjs compares the two.
/// </summary>
public static class CatalogSchema
{
    public static GraphQLSchema Create() =>
        SchemaBuilder.New()
            .AddQueryType(query =>
            {
                query.Field("products").Type("[Product!]!").Resolve(_ => CatalogData.Products);
                query.Field("category")
                    .Argument("id", "ID!")
                    .Type("Category")
                    .Resolve(context => CatalogData.CategoriesById.GetValueOrDefault(context.Argument<string>("id")));
            })
            .AddObjectType<CatalogProduct>(product =>
            {
                product.Name("Product");
                product.Field(p => p.Id).Type("ID!");
            })
            .AddObjectType<CatalogCategory>(category =>
            {
                category.Name("Category");
                category.Field(c => c.Id).Type("ID!");
            })
            .Create();
}
