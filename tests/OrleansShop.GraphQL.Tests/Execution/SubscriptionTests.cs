using System.Runtime.CompilerServices;
using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;

namespace OrleansShop.GraphQL.Tests.Executor;

public sealed class SubscriptionTests
{
    [Fact]
    public async Task Each_event_yields_a_result_of_the_selection_set()
    {
        var schema = SchemaBuilder.New()
            .AddQueryType(q => q.Field("ok").Type("Boolean").Resolve(_ => true))
            .AddSubscriptionType(s => s.Field("stockChanged").Type("Stock!").Argument("sku", "String!").Subscribe(ctx => Events(ctx.Argument<string>("sku"))))
            .AddObjectType("Stock", o =>
            {
                o.Field("sku").Type("String!");
                o.Field("available").Type("Int!");
            })
            .Create();

        var subscription = await new RequestExecutor(schema).SubscribeAsync(
            new ExecutionRequest { Query = """subscription { stockChanged(sku: "k1") { sku available } }""" },
            TestContext.Current.CancellationToken);

        Assert.Null(subscription.Error);
        var results = new List<string>();
        await foreach (var result in subscription.Stream!)
        {
            results.Add(result.ToJson());
        }

        Assert.Equal(
            ["""{"data":{"stockChanged":{"sku":"k1","available":3}}}""", """{"data":{"stockChanged":{"sku":"k1","available":2}}}"""],
            results);
    }

    [Fact]
    public async Task Subscribing_with_a_query_operation_is_an_error()
    {
        var subscription = await new RequestExecutor(ShopSchema.Create()).SubscribeAsync(new ExecutionRequest { Query = "{ hello }" }, TestContext.Current.CancellationToken);
        Assert.Null(subscription.Stream);
        Assert.NotNull(subscription.Error);
    }

    [Theory]
    [InlineData("""subscription S($on: Boolean!) { stockChanged(sku: "k1") @include(if: $on) { sku } }""", "Subscription \"S\"", 1, 57)]
    [InlineData("""subscription { ... on Subscription @skip(if: false) { stockChanged(sku: "k1") { sku } } }""", "Anonymous Subscription", 1, 36)]
    [InlineData("""subscription { ...Root } fragment Root on Subscription { stockChanged(sku: "k1") @skip(if: false) { sku } }""", "Anonymous Subscription", 1, 82)]
    public async Task Skip_or_include_on_the_root_selection_set_of_a_subscription_opens_no_stream(string query, string subject, int line, int column)
    {
        var opened = 0;
        var schema = SchemaBuilder.New()
            .AddQueryType(q => q.Field("ok").Type("Boolean").Resolve(_ => true))
            .AddSubscriptionType(s => s.Field("stockChanged").Type("Stock!").Argument("sku", "String!").Subscribe(ctx =>
            {
                opened++;
                return Events(ctx.Argument<string>("sku"));
            }))
            .AddObjectType("Stock", o => o.Field("sku").Type("String!"))
            .Create();

        var subscription = await new RequestExecutor(schema).SubscribeAsync(
            new ExecutionRequest { Query = query, Variables = new Dictionary<string, object?> { ["on"] = true } },
            TestContext.Current.CancellationToken);

        Assert.Null(subscription.Stream);
        var error = Assert.Single(subscription.Error!.Errors);
        Assert.Equal(subject + " must not use `@skip` or `@include` directives in the top level selection.", error.Message);
        Assert.Equal(new ErrorLocation(line, column), Assert.Single(error.Locations));
        Assert.Equal(0, opened);
    }

    private static async IAsyncEnumerable<Dictionary<string, object?>> Events(string sku, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var available = 3; available >= 2; available--)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new Dictionary<string, object?> { ["sku"] = sku, ["available"] = available };
        }
    }
}
