using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Tests.Executor;

/// <summary>A small code-first schema shared by the execution tests.</summary>
internal static class ShopSchema
{
    public static readonly Product[] Products =
    [
        new("p1", "Kettle", 19.99m, ProductStatus.InStock, ["kitchen"]),
        new("p2", "Mug", 4.50m, ProductStatus.SoldOut, []),
        new("p3", "Teapot", 35m, ProductStatus.InStock, ["kitchen", "tea"]),
    ];

    public static GraphQLSchema Create(Action<SchemaBuilder>? configure = null)
    {
        var builder = SchemaBuilder.New()
            .AddQueryType(q =>
            {
                q.Field("products").Type("[Product!]!").Resolve(_ => Products);
                q.Field("product").Type("Product").Argument("id", "ID!").Resolve(ctx => Products.FirstOrDefault(p => p.Id == ctx.Argument<string>("id")));
                q.Field("hello").Type("String!").Argument("name", "String", a => a.DefaultValue("world")).Resolve(ctx => "hello " + ctx.Argument<string>("name"));
                q.Field("failing").Type("String").Resolve(_ => throw new GraphQLException("boom", "BOOM"));
                q.Field("failingNonNull").Type("String!").Resolve(_ => throw new InvalidOperationException("secret"));
                q.Field("nullNonNull").Type("Product!").Resolve(_ => null);
                q.Field("slow").Type("Int!").Resolve(async ctx =>
                {
                    await Task.Delay(10, ctx.RequestAborted);
                    return 42;
                });
                q.Field("search").Type("[SearchResult!]!").Argument("term", "String!").Resolve(_ => new object[] { Products[0], new Category("kitchen") });
            })
            .AddObjectType<Product>(p =>
            {
                p.Implements("Node");
                p.Field(x => x.Id).Type("ID!");
                p.Field("priceWithTax").Type("Decimal!").Argument("rate", "Decimal!", a => a.DefaultValue(0.2m)).Resolve(ctx => ctx.Parent<Product>().Price * (1 + ctx.Argument<decimal>("rate")));
                p.Field(x => x.Name).Deprecated("Use title.");
                p.Field("title").Type("String!").Resolve(ctx => ctx.Parent<Product>().Name);
            })
            .AddObjectType<Category>(c => c.Field(x => x.Name))
            .AddInterfaceType("Node", n => n.Field("id").Type("ID!"))
            .AddUnionType("SearchResult", u => u.Types("Product", "Category"))
            .AddEnumType<ProductStatus>();
        configure?.Invoke(builder);
        return builder.Create();
    }

    public static async Task<string> RunAsync(GraphQLSchema schema, string query, IReadOnlyDictionary<string, object?>? variables = null)
    {
        var result = await new RequestExecutor(schema).ExecuteAsync(query, variables, TestContext.Current.CancellationToken);
        return result.ToJson();
    }
}

internal sealed record Product(string Id, string Name, decimal Price, ProductStatus Status, IReadOnlyList<string> Tags);

internal sealed record Category(string Name);

internal enum ProductStatus
{
    InStock,
    SoldOut,
}
