namespace OrleansShop.GraphQL.Execution;

/// <summary>Produces the event stream of a subscription root field (spec 6.2.3 Subscription, "Source Stream").</summary>
public delegate ValueTask<IAsyncEnumerable<object?>> SubscribeResolver(IResolverContext context);
