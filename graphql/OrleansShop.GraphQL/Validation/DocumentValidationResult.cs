using OrleansShop.GraphQL.Execution;

namespace OrleansShop.GraphQL.Validation;

/// <summary>
/// The outcome of validating one document against one schema. Immutable and independent of variables,
/// so the executor caches it with the parsed document.
/// </summary>
public sealed class DocumentValidationResult
{
    internal DocumentValidationResult(IReadOnlyList<GraphQLError> errors, DocumentStatistics statistics)
    {
        Errors = errors;
        Statistics = statistics;
    }

    /// <summary>The errors in document order of the rules that found them; empty when the document is valid.</summary>
    public IReadOnlyList<GraphQLError> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>The measures the limits were checked against.</summary>
    public DocumentStatistics Statistics { get; }
}
