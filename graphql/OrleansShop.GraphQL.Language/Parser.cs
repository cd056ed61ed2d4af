namespace OrleansShop.GraphQL.Language;

/// <summary>Parses GraphQL source (spec chapter 2) into an AST.</summary>
public static class Parser
{
    /// <summary>Parses a Document from UTF-8 source.</summary>
    public static DocumentNode Parse(ReadOnlySpan<byte> utf8Source, ParserOptions? options = null) => throw new NotImplementedException();

    /// <summary>Parses a Document.</summary>
    public static DocumentNode Parse(string source, ParserOptions? options = null) => throw new NotImplementedException();

    /// <summary>Parses a single Value (variables allowed), e.g. <c>[1, $x]</c>.</summary>
    public static ValueNode ParseValue(string source, ParserOptions? options = null) => throw new NotImplementedException();

    /// <summary>Parses a single constant Value (variables rejected).</summary>
    public static ValueNode ParseConstValue(string source, ParserOptions? options = null) => throw new NotImplementedException();

    /// <summary>Parses a single Type reference, e.g. <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(string source, ParserOptions? options = null) => throw new NotImplementedException();
}
