using OrleansShop.GraphQL.Execution;

namespace OrleansShop.GraphQL.Validation;

/// <summary>The cost of an operation and, when it is over budget, the error that refuses it (<c>extensions.code</c> "MAX_COST_EXCEEDED").</summary>
public sealed record CostAnalysisResult(OperationCost Cost, GraphQLError? Error)
{
    public bool IsAllowed => Error is null;
}
