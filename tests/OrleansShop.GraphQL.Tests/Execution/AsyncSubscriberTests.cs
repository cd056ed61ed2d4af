using System.Runtime.CompilerServices;
using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Tests.Executor;

public sealed class AsyncSubscriberTests
{
    [Fact]
    public async Task A_subscriber_that_opens_its_stream_asynchronously_streams_its_events()
    {
        var subscription = await new RequestExecutor(Schema()).SubscribeAsync(
            new ExecutionRequest { Query = """subscription { ticks(allowed: true) }""" },
            TestContext.Current.CancellationToken);

        Assert.Null(subscription.Error);
        var results = new List<string>();
        await foreach (var result in subscription.Stream!)
        {
            results.Add(result.ToJson());
        }

        Assert.Equal(["""{"data":{"ticks":1}}""", """{"data":{"ticks":2}}"""], results);
    }

    [Fact]
    public async Task A_subscriber_that_refuses_after_an_await_is_an_error_result_with_its_code_and_no_stream()
    {
        var subscription = await new RequestExecutor(Schema()).SubscribeAsync(
            new ExecutionRequest { Query = """subscription { ticks(allowed: false) }""" },
            TestContext.Current.CancellationToken);

        Assert.Null(subscription.Stream);
        var error = Assert.Single(subscription.Error!.Errors);
        Assert.Equal("Not yours.", error.Message);
        Assert.Contains("FORBIDDEN", subscription.Error.ToJson(), StringComparison.Ordinal);
    }

    private static GraphQLSchema Schema() => SchemaBuilder.New()
        .AddQueryType(q => q.Field("ok").Type("Boolean").Resolve(_ => true))
        .AddSubscriptionType(s => s.Field("ticks").Type("Int!").Argument("allowed", "Boolean!"))
        .AddAsyncSubscriber("Subscription", "ticks", async ctx =>
        {
            await Task.Delay(1, ctx.RequestAborted);
            return ctx.Argument<bool>("allowed") ? Ticks() : throw new GraphQLException("Not yours.", "FORBIDDEN");
        })
        .Create();

    private static async IAsyncEnumerable<int> Ticks([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var tick = 1; tick <= 2; tick++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return tick;
        }
    }
}
