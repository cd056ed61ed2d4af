using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Execution;

/// <summary>Options of a <see cref="RequestExecutor"/>.</summary>
public sealed class ExecutorOptions
{
    /// <summary>Write resolver exception messages to errors instead of "Unexpected Execution Error" (development only).</summary>
    public bool IncludeExceptionDetails { get; init; }

    /// <summary>
    /// Validates a document before it is prepared from query text (the validation rules plug in here); returns the errors,
    /// or an empty list when the document is valid. Documents passed already prepared are not validated again.
    /// </summary>
    public Func<GraphQLSchema, DocumentNode, IReadOnlyList<GraphQLError>>? Validate { get; init; }

    /// <summary>Options for parsing query text.</summary>
    public ParserOptions? ParserOptions { get; init; }
}
