namespace OrleansShop.GraphQL.Types;

/// <summary>
/// Thrown when a schema cannot be built: every type-system rule it breaks is in <see cref="Errors"/>,
/// each message naming the types and fields involved.
/// </summary>
public sealed class SchemaException : Exception
{
    public SchemaException(string message)
        : this([message])
    {
    }

    public SchemaException(IReadOnlyList<string> errors)
        : base(errors.Count == 1 ? errors[0] : "The schema is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public SchemaException()
        : this("The schema is invalid.")
    {
    }

    public SchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public IReadOnlyList<string> Errors { get; }
}
