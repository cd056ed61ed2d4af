using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Tests.Executor;

/// <summary>
/// The executor's hot path, counted rather than timed (timings on a loaded machine say little): a cached operation
/// over a list of 20 objects with six scalar fields and a nested object, as the throughput benchmark runs it.
/// </summary>
public sealed class ExecutorAllocationTests
{
    private const string ProductList = "query ProductList { products { id name sku price quantity inStock category { id name } } }";

    private static readonly Category Kitchen = new("c1", "Kitchen");

    private static readonly Product[] Products = [.. Enumerable.Range(0, 20).Select(i => new Product($"p{i}", $"Product {i}", $"SKU-{i}", 9.5 + i, i * 3, i % 2 == 0, Kitchen))];

    private static readonly GraphQLSchema Schema = SchemaBuilder.New()
        .AddQueryType(q => q.Field("products").Type("[Product!]!").Resolve(_ => Products))
        .AddObjectType<Product>(p => p.Field(x => x.Id).Type("ID!"))
        .AddObjectType<Category>(c => c.Field(x => x.Id).Type("ID!"))
        .Create();

    [Fact]
    public async Task Cached_product_list_allocates_little_more_than_its_result_objects()
    {
        var executor = new RequestExecutor(Schema);
        var request = new ExecutionRequest { Document = executor.Prepare(ProductList) };
        for (var i = 0; i < 50; i++)
        {
            await executor.ExecuteAsync(request, TestContext.Current.CancellationToken);
        }

        const int Runs = 200;
        var before = GC.GetAllocatedBytesForCurrentThread();
        ExecutionResult? last = null;
        for (var i = 0; i < Runs; i++)
        {
            // Synchronous resolvers complete the whole request on this thread, so the count is this request's.
            var execution = executor.ExecuteAsync(request, TestContext.Current.CancellationToken);
            Assert.True(execution.IsCompleted);
            last = await execution;
        }

        var perRequest = (GC.GetAllocatedBytesForCurrentThread() - before) / Runs;
        Assert.Empty(last!.Errors);

        // 41 result objects (the data, 20 products, 20 categories), each a map and its value array; the list's array;
        // the boxed doubles of the prices. Everything else - paths, resolver contexts, boxed ints and booleans, closures -
        // must not be allocated per field.
        Assert.True(perRequest < 8_000, $"{perRequest} bytes per request");
    }

    [Fact]
    public async Task Cached_product_list_result_has_every_field_in_order()
    {
        var executor = new RequestExecutor(Schema);
        var request = new ExecutionRequest { Document = executor.Prepare(ProductList) };
        var json = (await executor.ExecuteAsync(request, TestContext.Current.CancellationToken)).ToJson();
        Assert.StartsWith(
            """{"data":{"products":[{"id":"p0","name":"Product 0","sku":"SKU-0","price":9.5,"quantity":0,"inStock":true,"category":{"id":"c1","name":"Kitchen"}},{"id":"p1","name":"Product 1","sku":"SKU-1","price":10.5,"quantity":3,"inStock":false,""",
            json,
            StringComparison.Ordinal);
        Assert.EndsWith("""{"id":"p19","name":"Product 19","sku":"SKU-19","price":28.5,"quantity":57,"inStock":false,"category":{"id":"c1","name":"Kitchen"}}]}}""", json, StringComparison.Ordinal);
    }

    public sealed record Category(string Id, string Name);

    public sealed record Product(string Id, string Name, string Sku, double Price, int Quantity, bool InStock, Category Category);
}
