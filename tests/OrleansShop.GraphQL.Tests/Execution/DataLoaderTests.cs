using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;

namespace OrleansShop.GraphQL.Tests.Executor;

public sealed class DataLoaderTests
{
    [Fact]
    public async Task Loads_of_a_list_become_one_batch_and_repeated_keys_are_cached()
    {
        var batches = new List<IReadOnlyList<int>>();
        var schema = SchemaBuilder.New()
            .AddQueryType(q => q.Field("orders").Type("[Order!]!").Resolve(_ => Enumerable.Range(1, 20).Select(i => new Order(i, i % 5)).ToList()))
            .AddObjectType<Order>(o => o.Field("customer").Type("String").Resolve(ctx =>
                ctx.BatchDataLoader<int, string>("customers", (keys, _) =>
                {
                    lock (batches)
                    {
                        batches.Add(keys);
                    }

                    return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => "c" + k));
                }).LoadAsync(ctx.Parent<Order>().CustomerId)))
            .Create();

        var json = await ShopSchema.RunAsync(schema, "{ orders { id customer } again: orders { customer } }");

        var batch = Assert.Single(batches);
        Assert.Equal([1, 2, 3, 4, 0], batch);
        Assert.Contains("""{"id":5,"customer":"c0"}""", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Class_loaders_are_one_instance_per_request()
    {
        var schema = SchemaBuilder.New()
            .AddQueryType(q => q.Field("names").Type("[String]!").Resolve(async ctx =>
                await ctx.DataLoader<NameLoader>().LoadAsync([1, 2, 1])))
            .Create();
        var executor = new RequestExecutor(schema);

        await executor.ExecuteAsync("{ names }", cancellationToken: TestContext.Current.CancellationToken);
        var second = await executor.ExecuteAsync("{ names }", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("""{"data":{"names":["n1","n2","n1"]}}""", second.ToJson());
        Assert.Equal(2, NameLoader.Calls);
    }

    [Fact]
    public async Task A_failing_batch_fails_each_field_that_loaded_from_it()
    {
        var schema = SchemaBuilder.New()
            .AddQueryType(q => q.Field("orders").Type("[Order!]!").Resolve(_ => new[] { new Order(1, 1), new Order(2, 2) }))
            .AddObjectType<Order>(o => o.Field("customer").Type("String").Resolve(ctx =>
                ctx.BatchDataLoader<int, string>("customers", (_, _) => throw new GraphQLException("store down", "STORE_DOWN")).LoadAsync(ctx.Parent<Order>().CustomerId)))
            .Create();

        var result = await new RequestExecutor(schema).ExecuteAsync("{ orders { customer } }", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("STORE_DOWN", e.Code));
    }

    private sealed record Order(int Id, int CustomerId);

    private sealed class NameLoader : BatchDataLoader<int, string>
    {
        public static int Calls;

        protected override Task<IReadOnlyDictionary<int, string>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => "n" + k));
        }
    }
}
