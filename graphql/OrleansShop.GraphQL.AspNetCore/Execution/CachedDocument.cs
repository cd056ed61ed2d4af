using OrleansShop.GraphQL.Execution;

namespace OrleansShop.GraphQL.AspNetCore.Execution;

/// <summary>A parsed document and the outcome of validating it, shared by every request that sends the same text.</summary>
internal sealed class CachedDocument(PreparedDocument document, IReadOnlyList<GraphQLError> validationErrors)
{
    /// <summary>The engine's prepared document, which also caches execution plans per operation.</summary>
    public PreparedDocument Document { get; } = document;

    /// <summary>Empty when the document is valid.</summary>
    public IReadOnlyList<GraphQLError> ValidationErrors { get; } = validationErrors;
}
