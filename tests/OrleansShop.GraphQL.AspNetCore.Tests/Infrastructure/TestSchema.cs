using System.Runtime.CompilerServices;
using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure;

/// <summary>A small schema with a query, a mutation and subscriptions, enough to drive every transport path.</summary>
internal static class TestSchema
{
    public static GraphQLSchema Create(ItemFeed feed) => SchemaBuilder.New()
        .AddQueryType(q =>
        {
            q.Field("hello").Type("String!").Resolve(_ => "world");
            q.Field("echo").Type("String!").Argument("text", "String!").Resolve(ctx => ctx.Argument<string>("text"));
            q.Field("items").Type("[String!]!").Resolve(_ => feed.Items);
            q.Field("whoami").Type("String").Resolve(ctx => ctx.User?.Identity?.Name);
            q.Field("slow").Type("String").Argument("ms", "Int!").Resolve(async ctx =>
            {
                try
                {
                    await Task.Delay(ctx.Argument<int>("ms"), ctx.RequestAborted);
                    return "done";
                }
                catch (OperationCanceledException)
                {
                    feed.SlowResolverCancelled.TrySetResult();
                    throw;
                }
            });
            q.Field("fail").Type("String").Resolve(object? (_) => throw new InvalidOperationException("secret detail"));
        })
        .AddMutationType(m =>
        {
            m.Field("addItem").Type("[String!]!").Argument("name", "String!").Resolve(ctx => feed.Add(ctx.Argument<string>("name")));
        })
        .AddSubscriptionType(s =>
        {
            s.Field("counter").Type("Int!").Argument("to", "Int!")
                .Subscribe(ctx => CountAsync(ctx.Argument<int>("to"), ctx.RequestAborted))
                .Resolve(ctx => ctx.EventMessage);
            s.Field("itemAdded").Type("String!")
                .Subscribe(ctx => feed.SubscribeAsync(ctx.RequestAborted))
                .Resolve(ctx => ctx.EventMessage);
        })
        .Create();

    private static async IAsyncEnumerable<int> CountAsync(int to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= to; i++)
        {
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            yield return i;
        }
    }
}
