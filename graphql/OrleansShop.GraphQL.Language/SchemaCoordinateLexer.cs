namespace OrleansShop.GraphQL.Language;

/// <summary>
/// Reads the tokens of a schema coordinate (graphql-js <c>SchemaCoordinateLexer</c>). Unlike <see cref="Lexer"/> it
/// knows no ignored tokens: the specification forbids white space, commas and comments inside a coordinate so that
/// each coordinate has one spelling, so any character that starts no token is an error.
/// </summary>
/// <remarks>
/// Reads UTF-16 directly: coordinates are short and parsed off the request path. Every character before the
/// current token is an ASCII name character or punctuator, so offsets are also UTF-8 byte offsets and the
/// line is always 1.
/// </remarks>
internal ref struct SchemaCoordinateLexer
{
    private readonly ReadOnlySpan<char> _source;

    public SchemaCoordinateLexer(ReadOnlySpan<char> source)
    {
        _source = source;
        Kind = SchemaCoordinateTokenKind.StartOfFile;
    }

    public SchemaCoordinateTokenKind Kind { get; private set; }

    public int Start { get; private set; }

    public int End { get; private set; }

    public readonly ReadOnlySpan<char> Text => _source[Start..End];

    public void Advance()
    {
        int position = End;
        if (position >= _source.Length)
        {
            SetToken(SchemaCoordinateTokenKind.EndOfFile, _source.Length, _source.Length);
            return;
        }

        switch (_source[position])
        {
            case '.':
                SetToken(SchemaCoordinateTokenKind.Dot, position, position + 1);
                return;
            case '(':
                SetToken(SchemaCoordinateTokenKind.LeftParenthesis, position, position + 1);
                return;
            case ')':
                SetToken(SchemaCoordinateTokenKind.RightParenthesis, position, position + 1);
                return;
            case ':':
                SetToken(SchemaCoordinateTokenKind.Colon, position, position + 1);
                return;
            case '@':
                SetToken(SchemaCoordinateTokenKind.At, position, position + 1);
                return;
        }

        if (!IsNameStart(_source[position]))
        {
            throw Error(position, $"Invalid character: {DescribeCodePointAt(position)}.");
        }

        int end = position + 1;
        while (end < _source.Length && (IsNameStart(_source[end]) || char.IsAsciiDigit(_source[end])))
        {
            end++;
        }

        SetToken(SchemaCoordinateTokenKind.Name, position, end);
    }

    /// <summary>A syntax error at an offset; line 1, and the column is the offset plus one (see remarks).</summary>
    public static GraphQLSyntaxException Error(int position, string description) =>
        new(description, position, 1, position + 1);

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private void SetToken(SchemaCoordinateTokenKind kind, int start, int end)
    {
        Kind = kind;
        Start = start;
        End = end;
    }

    /// <summary>A code point as graphql-js prints it in messages: "a", '"', U+00E9 (a lone surrogate as itself).</summary>
    private readonly string DescribeCodePointAt(int position)
    {
        char c = _source[position];
        int codePoint = char.IsHighSurrogate(c) && position + 1 < _source.Length && char.IsLowSurrogate(_source[position + 1])
            ? char.ConvertToUtf32(c, _source[position + 1])
            : c;
        if (codePoint is >= 0x20 and <= 0x7E)
        {
            return codePoint == '"' ? "'\"'" : $"\"{(char)codePoint}\"";
        }

        return $"U+{codePoint:X4}";
    }
}
