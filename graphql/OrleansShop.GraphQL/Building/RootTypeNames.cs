namespace OrleansShop.GraphQL.Building;

/// <summary>The names of the root operation types, as declared in code or by an SDL <c>schema { ... }</c> definition.</summary>
internal record struct RootTypeNames(string? Query, string? Mutation, string? Subscription);
