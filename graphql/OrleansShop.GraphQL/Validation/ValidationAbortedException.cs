using OrleansShop.GraphQL.Execution;

namespace OrleansShop.GraphQL.Validation;

/// <summary>Stops a validation early (too many errors, or a rule's work budget spent); the error is reported last.</summary>
internal sealed class ValidationAbortedException(GraphQLError error) : Exception(error.Message)
{
    public GraphQLError Error { get; } = error;
}
