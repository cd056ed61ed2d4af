using OrleansShop.GraphQL.Language;

namespace OrleansShop.GraphQL.Tests.Language;

/// <summary>Spec September 2025, "Schema Coordinates": parsing, printing and the syntax errors (graphql-js 17.1.0 wording and positions).</summary>
public sealed class SchemaCoordinateParserTests
{
    [Fact]
    public void A_name_is_a_type_coordinate()
    {
        var coordinate = Assert.IsType<TypeCoordinateNode>(Parser.ParseSchemaCoordinate("Business"));
        Assert.Equal(SyntaxKind.TypeCoordinate, coordinate.Kind);
        Assert.Equal("Business", coordinate.Name.Value);
        Assert.Equal(new Location(0, 8, 1, 1), coordinate.Location);
        Assert.Equal(new Location(0, 8, 1, 1), coordinate.Name.Location);
    }

    [Fact]
    public void A_name_dot_name_is_a_member_coordinate()
    {
        var coordinate = Assert.IsType<MemberCoordinateNode>(Parser.ParseSchemaCoordinate("Business.name"));
        Assert.Equal(SyntaxKind.MemberCoordinate, coordinate.Kind);
        Assert.Equal("Business", coordinate.Name.Value);
        Assert.Equal("name", coordinate.MemberName.Value);
        Assert.Equal(new Location(0, 13, 1, 1), coordinate.Location);
        Assert.Equal(new Location(9, 13, 1, 10), coordinate.MemberName.Location);
    }

    [Fact]
    public void A_member_with_an_argument_is_an_argument_coordinate()
    {
        var coordinate = Assert.IsType<ArgumentCoordinateNode>(Parser.ParseSchemaCoordinate("Query.searchBusiness(criteria:)"));
        Assert.Equal(SyntaxKind.ArgumentCoordinate, coordinate.Kind);
        Assert.Equal("Query", coordinate.Name.Value);
        Assert.Equal("searchBusiness", coordinate.FieldName.Value);
        Assert.Equal("criteria", coordinate.ArgumentName.Value);
        Assert.Equal(new Location(0, 31, 1, 1), coordinate.Location);
        Assert.Equal(new Location(21, 29, 1, 22), coordinate.ArgumentName.Location);
    }

    [Fact]
    public void At_name_is_a_directive_coordinate()
    {
        var coordinate = Assert.IsType<DirectiveCoordinateNode>(Parser.ParseSchemaCoordinate("@private"));
        Assert.Equal(SyntaxKind.DirectiveCoordinate, coordinate.Kind);
        Assert.Equal("private", coordinate.Name.Value);
        Assert.Equal(new Location(0, 8, 1, 1), coordinate.Location);
        Assert.Equal(new Location(1, 8, 1, 2), coordinate.Name.Location);
    }

    [Fact]
    public void A_directive_with_an_argument_is_a_directive_argument_coordinate()
    {
        var coordinate = Assert.IsType<DirectiveArgumentCoordinateNode>(Parser.ParseSchemaCoordinate("@private(scope:)"));
        Assert.Equal(SyntaxKind.DirectiveArgumentCoordinate, coordinate.Kind);
        Assert.Equal("private", coordinate.Name.Value);
        Assert.Equal("scope", coordinate.ArgumentName.Value);
        Assert.Equal(new Location(0, 16, 1, 1), coordinate.Location);
    }

    [Fact]
    public void Names_with_digits_and_underscores_and_introspection_names_parse()
    {
        Assert.Equal("__Type", Parser.ParseSchemaCoordinate("__Type.fields(includeDeprecated:)").Name.Value);
        var member = Assert.IsType<MemberCoordinateNode>(Parser.ParseSchemaCoordinate("_T1.f_2"));
        Assert.Equal("f_2", member.MemberName.Value);
    }

    [Fact]
    public void No_location_option_leaves_locations_out()
    {
        var coordinate = Assert.IsType<MemberCoordinateNode>(Parser.ParseSchemaCoordinate("A.b", new ParserOptions { NoLocation = true }));
        Assert.Null(coordinate.Location);
        Assert.Null(coordinate.MemberName.Location);
    }

    [Theory]
    [InlineData("Business")]
    [InlineData("Business.name")]
    [InlineData("SearchFilter.OPEN_NOW")]
    [InlineData("Query.searchBusiness(criteria:)")]
    [InlineData("@private")]
    [InlineData("@private(scope:)")]
    [InlineData("__Type.fields(includeDeprecated:)")]
    public void Printing_gives_back_the_coordinate(string source)
    {
        SchemaCoordinateNode coordinate = Parser.ParseSchemaCoordinate(source);
        Assert.Equal(source, Printer.Print(coordinate));
        Assert.Equal(source, coordinate.ToString());
        Assert.Equal(source, Printer.Print(Parser.ParseSchemaCoordinate(Printer.Print(coordinate))));
    }

    [Fact]
    public void Nodes_built_in_code_print_like_parsed_ones()
    {
        var node = new ArgumentCoordinateNode { Name = new("Query"), FieldName = new("product"), ArgumentName = new("id") };
        Assert.Equal("Query.product(id:)", Printer.Print(node));
        Assert.Equal("@include(if:)", Printer.Print(new DirectiveArgumentCoordinateNode { Name = new("include"), ArgumentName = new("if") }));
    }

    [Theory]
    // Nothing, or a punctuator where a name must be.
    [InlineData("", "Expected Name, found <EOF>.", 1)]
    [InlineData("@", "Expected Name, found <EOF>.", 2)]
    [InlineData(".", "Expected Name, found \".\".", 1)]
    [InlineData("@@private", "Expected Name, found \"@\".", 2)]
    [InlineData("Business.", "Expected Name, found <EOF>.", 10)]
    [InlineData("Business..name", "Expected Name, found \".\".", 10)]
    [InlineData("Query.field()", "Expected Name, found \")\".", 13)]
    [InlineData("@private()", "Expected Name, found \")\".", 10)]
    // An argument without its colon or closing parenthesis.
    [InlineData("Query.field(arg)", "Expected \":\", found \")\".", 16)]
    [InlineData("Query.field(arg", "Expected \":\", found <EOF>.", 16)]
    [InlineData("Query.field(arg:", "Expected \")\", found <EOF>.", 17)]
    [InlineData("@private(scope:", "Expected \")\", found <EOF>.", 16)]
    [InlineData("Query.field(arg:a)", "Expected \")\", found Name \"a\".", 17)]
    // Something after a complete coordinate: an argument needs a member, a directive has no members, one argument only.
    [InlineData("Business(arg:)", "Expected <EOF>, found \"(\".", 9)]
    [InlineData("@private.scope", "Expected <EOF>, found \".\".", 9)]
    [InlineData("Business.name.first", "Expected <EOF>, found \".\".", 14)]
    [InlineData("Query.field(a:)(b:)", "Expected <EOF>, found \"(\".", 16)]
    [InlineData("Query.field(a:).b", "Expected <EOF>, found \".\".", 16)]
    [InlineData("Business:", "Expected <EOF>, found \":\".", 9)]
    [InlineData("Business@", "Expected <EOF>, found \"@\".", 9)]
    [InlineData("Business)", "Expected <EOF>, found \")\".", 9)]
    public void Grammar_errors_name_what_was_expected_and_found(string source, string message, int column)
    {
        GraphQLSyntaxException exception = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseSchemaCoordinate(source));
        Assert.Equal("Syntax Error: " + message, exception.Message);
        Assert.Equal(1, exception.Line);
        Assert.Equal(column, exception.Column);
        Assert.Equal(column - 1, exception.Position);
    }

    [Theory]
    // No ignored tokens: white space, line terminators, commas, comments and the byte order mark are all refused.
    [InlineData(" Business", "Invalid character: \" \".", 1)]
    [InlineData("Business ", "Invalid character: \" \".", 9)]
    [InlineData("Business. name", "Invalid character: \" \".", 10)]
    [InlineData("Query.field(arg: )", "Invalid character: \" \".", 17)]
    [InlineData("Business\t", "Invalid character: U+0009.", 9)]
    [InlineData("Business\n", "Invalid character: U+000A.", 9)]
    [InlineData("Business\r\n", "Invalid character: U+000D.", 9)]
    [InlineData("Business,", "Invalid character: \",\".", 9)]
    [InlineData("Business#comment", "Invalid character: \"#\".", 9)]
    [InlineData("\uFEFFBusiness", "Invalid character: U+FEFF.", 1)]
    // Characters that start no coordinate token.
    [InlineData("1Business", "Invalid character: \"1\".", 1)]
    [InlineData("Business.1name", "Invalid character: \"1\".", 10)]
    [InlineData("$var", "Invalid character: \"$\".", 1)]
    [InlineData("Business!", "Invalid character: \"!\".", 9)]
    [InlineData("\"Business\"", "Invalid character: '\"'.", 1)]
    [InlineData("Query...f", "Expected Name, found \".\".", 7)]
    [InlineData("Caf\u00E9", "Invalid character: U+00E9.", 4)]
    [InlineData("A\U0001F600", "Invalid character: U+1F600.", 2)]
    public void Characters_outside_the_coordinate_grammar_are_invalid(string source, string message, int column)
    {
        GraphQLSyntaxException exception = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseSchemaCoordinate(source));
        Assert.Equal("Syntax Error: " + message, exception.Message);
        Assert.Equal(1, exception.Line);
        Assert.Equal(column, exception.Column);
    }

    [Fact]
    public void A_lone_surrogate_is_an_invalid_character()
    {
        // Not in InlineData: test case serialization would replace the lone surrogate with U+FFFD.
        GraphQLSyntaxException exception = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseSchemaCoordinate("A\uD800"));
        Assert.Equal("Syntax Error: Invalid character: U+D800.", exception.Message);
        Assert.Equal(2, exception.Column);
    }

    [Fact]
    public void An_invalid_character_is_reported_before_the_grammar_error_it_follows()
    {
        // graphql-js reads one token ahead: the space after "@a" fails before the parser asks for <EOF>.
        GraphQLSyntaxException exception = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseSchemaCoordinate("@a b"));
        Assert.Equal("Syntax Error: Invalid character: \" \".", exception.Message);
    }

    [Fact]
    public void A_source_over_the_size_limit_is_refused_before_parsing()
    {
        GraphQLSyntaxException exception = Assert.Throws<GraphQLSyntaxException>(
            () => Parser.ParseSchemaCoordinate(new string('a', 11), new ParserOptions { MaxDocumentBytes = 10 }));
        Assert.Equal("Syntax Error: Document contains more than 10 bytes. Parsing aborted.", exception.Message);
    }

    [Fact]
    public void A_null_source_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => Parser.ParseSchemaCoordinate(null!));
    }
}
