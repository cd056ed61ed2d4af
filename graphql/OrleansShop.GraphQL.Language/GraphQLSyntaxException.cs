namespace OrleansShop.GraphQL.Language;

/// <summary>
/// A syntax error or a refused document (limits), with graphql-js style message
/// <c>Syntax Error: Expected Name, found &lt;EOF&gt;.</c> and the 1-based line and column.
/// </summary>
public sealed class GraphQLSyntaxException : Exception
{
    public GraphQLSyntaxException()
        : this("Syntax Error.", 0, 1, 1)
    {
    }

    public GraphQLSyntaxException(string message)
        : this(message, 0, 1, 1)
    {
    }

    public GraphQLSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Description = message;
        Line = 1;
        Column = 1;
    }

    public GraphQLSyntaxException(string description, int position, int line, int column)
        : base("Syntax Error: " + description)
    {
        Description = description;
        Position = position;
        Line = line;
        Column = column;
    }

    /// <summary>The message without the <c>Syntax Error: </c> prefix.</summary>
    public string Description { get; }

    /// <summary>UTF-8 byte offset of the error in the source.</summary>
    public int Position { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column in UTF-16 code units, like graphql-js.</summary>
    public int Column { get; }
}
