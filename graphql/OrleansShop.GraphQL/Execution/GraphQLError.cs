using OrleansShop.GraphQL.Language;

namespace OrleansShop.GraphQL.Execution;

/// <summary>
/// An error in a response (spec 7.1.2): a message, the document locations it concerns, the response path of the field
/// (for field errors) and extensions such as <c>code</c>. Request errors (parse, validation, variables) have no path.
/// </summary>
public sealed class GraphQLError
{
    public GraphQLError(
        string message,
        IReadOnlyList<ErrorLocation>? locations = null,
        IReadOnlyList<object>? path = null,
        IReadOnlyDictionary<string, object?>? extensions = null,
        Exception? exception = null)
    {
        Message = message;
        Locations = locations ?? [];
        Path = path;
        Extensions = extensions;
        Exception = exception;
    }

    public string Message { get; }

    public IReadOnlyList<ErrorLocation> Locations { get; }

    /// <summary>Response keys and list indices leading to the field, or null for request errors.</summary>
    public IReadOnlyList<object>? Path { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>The exception behind the error, if any; never written to the response.</summary>
    public Exception? Exception { get; }

    /// <summary>The value of <c>extensions.code</c>, if any.</summary>
    public string? Code => Extensions is not null && Extensions.TryGetValue("code", out var code) ? code as string : null;

    /// <summary>Creates an error located at the given syntax nodes.</summary>
    public static GraphQLError At(string message, IEnumerable<SyntaxNode> nodes, string? code = null)
    {
        var locations = new List<ErrorLocation>();
        foreach (var node in nodes)
        {
            if (node.Location is { } location)
            {
                locations.Add(new ErrorLocation(location.Line, location.Column));
            }
        }

        return new GraphQLError(message, locations, null, code is null ? null : new Dictionary<string, object?> { ["code"] = code });
    }

    public override string ToString() => Message;
}
