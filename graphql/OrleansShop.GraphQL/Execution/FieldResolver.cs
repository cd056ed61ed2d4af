namespace OrleansShop.GraphQL.Execution;

/// <summary>Produces a field's value. Synchronous resolvers return a completed <see cref="ValueTask{TResult}"/> and cost no allocation.</summary>
public delegate ValueTask<object?> FieldResolver(IResolverContext context);
