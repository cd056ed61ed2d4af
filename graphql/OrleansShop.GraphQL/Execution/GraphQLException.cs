namespace OrleansShop.GraphQL.Execution;

/// <summary>
/// Thrown by a resolver to fail its field with a client-facing message and an <c>extensions.code</c>.
/// Other exceptions become an "Unexpected Execution Error" unless the executor is told to expose details.
/// </summary>
public class GraphQLException : Exception
{
    public GraphQLException(string message, string? code = null, IReadOnlyDictionary<string, object?>? extensions = null)
        : base(message)
    {
        Code = code;
        Extensions = extensions;
    }

    public GraphQLException()
        : base("Unexpected Execution Error")
    {
    }

    public GraphQLException(string message)
        : base(message)
    {
    }

    public GraphQLException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The error code written to <c>extensions.code</c>.</summary>
    public string? Code { get; }

    /// <summary>Further entries of the error's <c>extensions</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>Where in the document the error is, when that is more precise than the field (an argument's value); else null.</summary>
    internal IReadOnlyList<ErrorLocation>? Locations { get; init; }
}
