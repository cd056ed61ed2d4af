using System.Buffers;
using System.Text.Unicode;

namespace OrleansShop.GraphQL.Language;

/// <summary>
/// Parses GraphQL source (spec chapter 2 and the type system grammar of chapter 3) into an AST,
/// like graphql-js <c>parse</c>, <c>parseValue</c>, <c>parseConstValue</c>, <c>parseType</c> and <c>parseSchemaCoordinate</c>.
/// Errors are <see cref="GraphQLSyntaxException"/>s; <see cref="ParserOptions"/> bounds size, tokens and nesting.
/// </summary>
public static class Parser
{
    /// <summary>Parses a Document from UTF-8 source (the request body's bytes, no transcoding).</summary>
    public static DocumentNode Parse(ReadOnlySpan<byte> utf8Source, ParserOptions? options = null)
    {
        var parser = new Utf8GraphQLParser(utf8Source, options ?? ParserOptions.Default);
        try
        {
            return parser.ParseDocument();
        }
        finally
        {
            parser.Dispose();
        }
    }

    /// <summary>Parses a Document.</summary>
    public static DocumentNode Parse(string source, ParserOptions? options = null)
    {
        options ??= ParserOptions.Default;
        byte[] utf8 = Encode(source, options, out int length);
        try
        {
            return Parse(utf8.AsSpan(0, length), options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary>Parses a single Value where variables are allowed, e.g. <c>[1, $x]</c>.</summary>
    public static ValueNode ParseValue(string source, ParserOptions? options = null) => ParseValue(source, options, isConst: false);

    /// <summary>Parses a single constant Value: a variable is an error.</summary>
    public static ValueNode ParseConstValue(string source, ParserOptions? options = null) => ParseValue(source, options, isConst: true);

    /// <summary>Parses a single Type reference, e.g. <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(string source, ParserOptions? options = null)
    {
        options ??= ParserOptions.Default;
        byte[] utf8 = Encode(source, options, out int length);
        var parser = new Utf8GraphQLParser(utf8.AsSpan(0, length), options);
        try
        {
            return parser.ParseTypeAlone();
        }
        finally
        {
            parser.Dispose();
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary>
    /// Parses a schema coordinate such as <c>Business</c>, <c>Business.name</c>, <c>Query.searchBusiness(criteria:)</c>,
    /// <c>@private</c> or <c>@private(scope:)</c> (spec September 2025, "Schema Coordinates"). Unlike documents, a coordinate
    /// may not contain white space, commas or comments. Of the options only <see cref="ParserOptions.NoLocation"/> and
    /// <see cref="ParserOptions.MaxDocumentBytes"/> apply: a coordinate has at most eight tokens and no nesting.
    /// </summary>
    public static SchemaCoordinateNode ParseSchemaCoordinate(string source, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= ParserOptions.Default;

        // Characters, not bytes: a longer source is refused here, and a non-ASCII one fails at its first non-ASCII character.
        if (source.Length > options.MaxDocumentBytes)
        {
            throw new GraphQLSyntaxException(
                $"Document contains more than {options.MaxDocumentBytes} bytes. Parsing aborted.",
                options.MaxDocumentBytes,
                1,
                1);
        }

        return new SchemaCoordinateParser(source, options).Parse();
    }

    private static ValueNode ParseValue(string source, ParserOptions? options, bool isConst)
    {
        options ??= ParserOptions.Default;
        byte[] utf8 = Encode(source, options, out int length);
        var parser = new Utf8GraphQLParser(utf8.AsSpan(0, length), options);
        try
        {
            return parser.ParseValueAlone(isConst);
        }
        finally
        {
            parser.Dispose();
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    private static byte[] Encode(string source, ParserOptions options, out int length)
    {
        ArgumentNullException.ThrowIfNull(source);

        // Refuse before transcoding anything when even the shortest encoding is over the limit.
        if (source.Length > options.MaxDocumentBytes)
        {
            throw new GraphQLSyntaxException(
                $"Document contains more than {options.MaxDocumentBytes} bytes. Parsing aborted.",
                options.MaxDocumentBytes,
                1,
                1);
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(source.Length));
        OperationStatus status = Utf8.FromUtf16(source, buffer, out int read, out length, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            // A lone surrogate is not a Unicode scalar value, so not a SourceCharacter (spec 2.1).
            ArrayPool<byte>.Shared.Return(buffer);
            (int line, int column) = SourcePosition.Compute(System.Text.Encoding.UTF8.GetBytes(source[..read]), length);
            throw new GraphQLSyntaxException($"Invalid character: U+{(int)source[read]:X4}.", length, line, column);
        }

        return buffer;
    }
}
