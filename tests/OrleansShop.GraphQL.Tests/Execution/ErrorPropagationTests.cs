using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Tests.Executor;

/// <summary>Spec (September 2025) 6.4.4: one error per null in the response; siblings of a propagating error add none.</summary>
public sealed class ErrorPropagationTests
{
    private static readonly GraphQLSchema Schema = SchemaBuilder.FromSdl("""
            type Item { a: Int! b: Int! slow: Int later: Int! }
            type Query { items: [Item] item: Item }
            """)
        .AddResolver("Query", "items", _ => new object[] { 1, 2 })
        .AddResolver("Query", "item", _ => 1)
        .AddResolver("Item", "a", _ => throw new GraphQLException("a failed"))
        .AddResolver("Item", "b", _ => throw new GraphQLException("b failed"))
        .AddResolver("Item", "slow", ctx => SlowFailure())
        .AddResolver("Item", "later", ctx => SlowFailure())
        .Create();

    private static async Task<string> Run(string query) =>
        (await new RequestExecutor(Schema).ExecuteAsync(query, cancellationToken: TestContext.Current.CancellationToken)).ToJson();

    // Really later, not just yielded: a yielded continuation runs in parallel on the thread pool and may fail before a
    // sibling that graphql-js would run first, which makes the order of the two errors a race rather than a rule.
    private static async ValueTask<object?> SlowFailure()
    {
        await Task.Delay(50);
        throw new GraphQLException("slow failed");
    }

    [Fact]
    public async Task Second_non_null_error_in_the_same_object_is_not_reported()
    {
        var json = await Run("{ item { a b } }");
        Assert.Equal("""{"errors":[{"message":"a failed","locations":[{"line":1,"column":10}],"path":["item","a"]}],"data":{"item":null}}""", json);
    }

    [Fact]
    public async Task Each_nulled_list_item_keeps_its_own_error()
    {
        var json = await Run("{ items { a } }");
        Assert.Equal(
            """{"errors":[{"message":"a failed","locations":[{"line":1,"column":11}],"path":["items",0,"a"]},{"message":"a failed","locations":[{"line":1,"column":11}],"path":["items",1,"a"]}],"data":{"items":[null,null]}}""",
            json);
    }

    [Fact]
    public async Task Error_of_a_resolver_resumed_later_under_an_already_nulled_position_is_not_reported()
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var json = await Run("{ item { slow a } }");
            Assert.Equal("""{"errors":[{"message":"a failed","locations":[{"line":1,"column":15}],"path":["item","a"]}],"data":{"item":null}}""", json);
        }
    }

    [Fact]
    public async Task Later_non_null_error_still_nulls_its_parent_when_it_is_the_first()
    {
        var json = await Run("{ item { later } }");
        Assert.Equal("""{"errors":[{"message":"slow failed","locations":[{"line":1,"column":10}],"path":["item","later"]}],"data":{"item":null}}""", json);
    }
}
