namespace OrleansShop.GraphQL.Language;

/// <summary>The OperationType keyword of an operation or a schema's root operation type (spec 2.3).</summary>
public enum OperationType
{
    Query,
    Mutation,
    Subscription,
}
