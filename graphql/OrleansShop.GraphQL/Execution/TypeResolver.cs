namespace OrleansShop.GraphQL.Execution;

/// <summary>Names the concrete object type of a value of an interface or union type, or returns null when it cannot tell.</summary>
public delegate string? TypeResolver(object value, IResolverContext context);
