namespace OrleansShop.GraphQL.Language;

/// <summary>
/// Parses a SchemaCoordinate (graphql-js <c>parseSchemaCoordinate</c>), with graphql-js's messages and positions:
/// <code>
/// SchemaCoordinate : @? Name ( . Name )? ( ( Name : ) )?
/// </code>
/// where a member (<c>.Name</c>) never follows <c>@</c> and an argument needs either <c>@</c> or a member.
/// </summary>
internal ref struct SchemaCoordinateParser
{
    private readonly bool _noLocation;
    private SchemaCoordinateLexer _lexer;
    private int _lastEnd;

    public SchemaCoordinateParser(ReadOnlySpan<char> source, ParserOptions options)
    {
        _lexer = new SchemaCoordinateLexer(source);
        _noLocation = options.NoLocation;
    }

    public SchemaCoordinateNode Parse()
    {
        ExpectToken(SchemaCoordinateTokenKind.StartOfFile);
        SchemaCoordinateNode coordinate = ParseSchemaCoordinate();
        ExpectToken(SchemaCoordinateTokenKind.EndOfFile);
        return coordinate;
    }

    private SchemaCoordinateNode ParseSchemaCoordinate()
    {
        int start = _lexer.Start;
        bool ofDirective = ExpectOptionalToken(SchemaCoordinateTokenKind.At);
        NameNode name = ParseName();
        NameNode? memberName = !ofDirective && ExpectOptionalToken(SchemaCoordinateTokenKind.Dot) ? ParseName() : null;
        NameNode? argumentName = null;
        if ((ofDirective || memberName is not null) && ExpectOptionalToken(SchemaCoordinateTokenKind.LeftParenthesis))
        {
            argumentName = ParseName();
            ExpectToken(SchemaCoordinateTokenKind.Colon);
            ExpectToken(SchemaCoordinateTokenKind.RightParenthesis);
        }

        Location? location = Loc(start);
        if (ofDirective)
        {
            return argumentName is null
                ? new DirectiveCoordinateNode { Name = name, Location = location }
                : new DirectiveArgumentCoordinateNode { Name = name, ArgumentName = argumentName, Location = location };
        }

        if (memberName is not null)
        {
            return argumentName is null
                ? new MemberCoordinateNode { Name = name, MemberName = memberName, Location = location }
                : new ArgumentCoordinateNode { Name = name, FieldName = memberName, ArgumentName = argumentName, Location = location };
        }

        return new TypeCoordinateNode { Name = name, Location = location };
    }

    private NameNode ParseName()
    {
        int start = _lexer.Start;
        if (_lexer.Kind != SchemaCoordinateTokenKind.Name)
        {
            throw ExpectedError(SchemaCoordinateTokenKind.Name);
        }

        string value = new(_lexer.Text);
        Advance();
        return new NameNode { Value = value, Location = Loc(start) };
    }

    private void Advance()
    {
        _lastEnd = _lexer.End;
        _lexer.Advance();
    }

    private void ExpectToken(SchemaCoordinateTokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            throw ExpectedError(kind);
        }

        Advance();
    }

    private bool ExpectOptionalToken(SchemaCoordinateTokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    // The source is a single line (see SchemaCoordinateLexer), so the column is the offset plus one.
    private readonly Location? Loc(int start) => _noLocation ? null : new Location(start, _lastEnd, 1, start + 1);

    private readonly GraphQLSyntaxException ExpectedError(SchemaCoordinateTokenKind kind)
    {
        string found = _lexer.Kind == SchemaCoordinateTokenKind.Name
            ? $"Name \"{_lexer.Text}\""
            : Describe(_lexer.Kind);
        return SchemaCoordinateLexer.Error(_lexer.Start, $"Expected {Describe(kind)}, found {found}.");
    }

    private static string Describe(SchemaCoordinateTokenKind kind) => kind switch
    {
        SchemaCoordinateTokenKind.StartOfFile => "<SOF>",
        SchemaCoordinateTokenKind.EndOfFile => "<EOF>",
        SchemaCoordinateTokenKind.Name => "Name",
        SchemaCoordinateTokenKind.Dot => "\".\"",
        SchemaCoordinateTokenKind.LeftParenthesis => "\"(\"",
        SchemaCoordinateTokenKind.RightParenthesis => "\")\"",
        SchemaCoordinateTokenKind.Colon => "\":\"",
        _ => "\"@\"",
    };
}
