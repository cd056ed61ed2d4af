using System.Text;
using OrleansShop.GraphQL.Language;

namespace OrleansShop.GraphQL.Tests.Language;

/// <summary>Spec 2.1 Source Text and lexical tokens.</summary>
public sealed class LexerTests
{
    private static List<(TokenKind Kind, string Text)> Lex(string source)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(source);
        var lexer = new Lexer(bytes);
        var tokens = new List<(TokenKind, string)>();
        lexer.Advance();
        while (lexer.Kind != TokenKind.EndOfFile)
        {
            tokens.Add((lexer.Kind, lexer.Kind is TokenKind.String or TokenKind.BlockString ? lexer.GetStringValue() : lexer.GetRawText()));
            lexer.Advance();
        }

        return tokens;
    }

    private static string LexString(string source) => Assert.Single(Lex(source)).Text;

    private static GraphQLSyntaxException LexError(string source) =>
        Assert.Throws<GraphQLSyntaxException>(() => Lex(source));

    [Fact]
    public void Every_punctuator_is_its_own_token()
    {
        List<(TokenKind Kind, string Text)> tokens = Lex("! $ & ( ) ... : = @ [ ] { | }");
        Assert.Equal(
            [TokenKind.Bang, TokenKind.Dollar, TokenKind.Ampersand, TokenKind.LeftParenthesis, TokenKind.RightParenthesis,
             TokenKind.Spread, TokenKind.Colon, TokenKind.Equals, TokenKind.At, TokenKind.LeftBracket, TokenKind.RightBracket,
             TokenKind.LeftBrace, TokenKind.Pipe, TokenKind.RightBrace],
            tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Ignored_tokens_white_space_commas_line_terminators_comments_and_byte_order_marks_produce_no_tokens()
    {
        List<(TokenKind Kind, string Text)> tokens = Lex("\uFEFF  ,,\t# comment \u00e9 😀\r\n a\r\rb\n#last");
        Assert.Equal([(TokenKind.Name, "a"), (TokenKind.Name, "b")], tokens);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("_under_score")]
    [InlineData("__typename")]
    [InlineData("camelCase9")]
    [InlineData("ALL_CAPS")]
    public void Names_are_letters_digits_and_underscores_not_starting_with_a_digit(string name) =>
        Assert.Equal([(TokenKind.Name, name)], Lex(name));

    [Theory]
    [InlineData("0", false)]
    [InlineData("-0", false)]
    [InlineData("42", false)]
    [InlineData("-42", false)]
    [InlineData("0.0", true)]
    [InlineData("-1.5", true)]
    [InlineData("1e10", true)]
    [InlineData("1E+10", true)]
    [InlineData("6.0221413e23", true)]
    [InlineData("1.5e-3", true)]
    public void Numbers_keep_their_source_text(string number, bool isFloat) =>
        Assert.Equal([(isFloat ? TokenKind.Float : TokenKind.Int, number)], Lex(number));

    [Theory]
    [InlineData("00", "Invalid number, unexpected digit after 0: \"0\".", 2)]
    [InlineData("01", "Invalid number, unexpected digit after 0: \"1\".", 2)]
    [InlineData("1.", "Invalid number, expected digit but got: <EOF>.", 3)]
    [InlineData(".5", "Invalid number, expected digit before \".\", did you mean \"0.5\"?", 1)]
    [InlineData("1.e5", "Invalid number, expected digit but got: \"e\".", 3)]
    [InlineData("1e", "Invalid number, expected digit but got: <EOF>.", 3)]
    [InlineData("-", "Invalid number, expected digit but got: <EOF>.", 2)]
    [InlineData("123abc", "Invalid number, expected digit but got: \"a\".", 4)]
    [InlineData("0x1F", "Invalid number, expected digit but got: \"x\".", 2)]
    [InlineData("1.5.5", "Invalid number, expected digit but got: \".\".", 4)]
    [InlineData("1_000", "Invalid number, expected digit but got: \"_\".", 2)]
    public void Malformed_numbers_are_errors_at_the_offending_character(string source, string description, int column)
    {
        GraphQLSyntaxException error = LexError(source);
        Assert.Equal("Syntax Error: " + description, error.Message);
        Assert.Equal(1, error.Line);
        Assert.Equal(column, error.Column);
    }

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\" white space \"", " white space ")]
    [InlineData("\"quote \\\"\"", "quote \"")]
    [InlineData("\"escaped \\n\\r\\b\\t\\f\"", "escaped \n\r\b\t\f")]
    [InlineData("\"slashes \\\\ \\/\"", "slashes \\ /")]
    [InlineData("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"variable width \\u{1F600} \\u{0} \\u{10FFFF} \\u{00000041}\"", "variable width 😀 \0 \U0010FFFF A")]
    [InlineData("\"surrogate pair \\uD83D\\uDE00\"", "surrogate pair 😀")]
    [InlineData("\"minimal pair \\uD800\\uDC00, maximal \\uDBFF\\uDFFF\"", "minimal pair \U00010000, maximal \U0010FFFF")]
    [InlineData("\"raw unicode é 猫 😀\"", "raw unicode é 猫 😀")]
    [InlineData("\"control \u0001 characters are source characters\"", "control \u0001 characters are source characters")]
    public void Strings_resolve_escapes_and_full_unicode(string source, string value) =>
        Assert.Equal(value, LexString(source));

    [Theory]
    [InlineData("\"\\uD800\"", "Invalid Unicode escape sequence: \"\\uD800\".")]
    [InlineData("\"\\uDC00\"", "Invalid Unicode escape sequence: \"\\uDC00\".")]
    [InlineData("\"\\uD800\\u0041\"", "Invalid Unicode escape sequence: \"\\uD800\".")]
    [InlineData("\"\\uDE00\\uD83D\"", "Invalid Unicode escape sequence: \"\\uDE00\".")]
    [InlineData("\"\\u{D800}\"", "Invalid Unicode escape sequence: \"\\u{D800}\".")]
    [InlineData("\"\\u{110000}\"", "Invalid Unicode escape sequence: \"\\u{110000}\".")]
    [InlineData("\"\\u{}\"", "Invalid Unicode escape sequence: \"\\u{}\".")]
    [InlineData("\"\\u{12\"", "Invalid Unicode escape sequence: \"\\u{12\"\".")]
    [InlineData("\"\\uXYZW\"", "Invalid Unicode escape sequence: \"\\uXYZW\".")]
    [InlineData("\"\\x\"", "Invalid character escape sequence: \"\\x\".")]
    [InlineData("\"\\é\"", "Invalid character escape sequence: \"\\é\".")]
    [InlineData("\"no end", "Unterminated string.")]
    [InlineData("\"line\nbreak\"", "Unterminated string.")]
    [InlineData("\"\"\"no end", "Unterminated string.")]
    public void Invalid_strings_are_errors(string source, string description) =>
        Assert.Equal("Syntax Error: " + description, LexError(source).Message);

    [Fact]
    public void Block_string_removes_common_indentation_and_blank_leading_and_trailing_lines()
    {
        string source = "\"\"\"\n\n    Hello,\n      World!\n\n    Yours,\n      GraphQL.\n  \n\"\"\"";
        Assert.Equal("Hello,\n  World!\n\nYours,\n  GraphQL.", LexString(source));
    }

    [Theory]
    [InlineData("\"\"\"\"\"\"", "")]
    [InlineData("\"\"\"   \"\"\"", "")]
    [InlineData("\"\"\"  first line keeps its indent\"\"\"", "  first line keeps its indent")]
    [InlineData("\"\"\"escaped \\\"\"\" quotes\"\"\"", "escaped \"\"\" quotes")]
    [InlineData("\"\"\"no \\n escapes \\u0041\"\"\"", "no \\n escapes \\u0041")]
    [InlineData("\"\"\"\r\n  crlf\r\n    and cr\r  lines\r\n\"\"\"", "crlf\n  and cr\nlines")]
    [InlineData("\"\"\"\n\ttab\n\t  indent\n\"\"\"", "tab\n  indent")]
    [InlineData("\"\"\"first\n    second\n      third\"\"\"", "first\nsecond\n  third")]
    public void Block_strings_follow_the_spec_dedent_algorithm(string source, string value) =>
        Assert.Equal(value, LexString(source));

    [Fact]
    public void Token_positions_are_lines_and_utf16_columns_like_graphql_js()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("\"é😀\" a\n  \"\"\"x\n y\"\"\" b");
        var lexer = new Lexer(bytes);
        lexer.Advance();
        lexer.Advance();
        Assert.Equal((TokenKind.Name, 1, 7), (lexer.Kind, lexer.Line, lexer.Column));
        Assert.Equal(9, lexer.Start); // byte offset: quote, 2 bytes é, 4 bytes 😀, quote, space
        lexer.Advance();
        Assert.Equal((TokenKind.BlockString, 2, 3), (lexer.Kind, lexer.Line, lexer.Column));
        lexer.Advance();
        Assert.Equal((TokenKind.Name, 3, 7), (lexer.Kind, lexer.Line, lexer.Column));
    }

    [Theory]
    [InlineData("?", "Unexpected character: \"?\".")]
    [InlineData("é", "Unexpected character: U+00E9.")]
    [InlineData("\u0007", "Unexpected character: U+0007.")]
    [InlineData("😀", "Unexpected character: U+1F600.")]
    [InlineData("'a'", "Unexpected single quote character ('), did you mean to use a double quote (\")?")]
    [InlineData("..", "Unexpected \"..\", did you mean \"...\"?")]
    public void Characters_outside_the_grammar_are_errors(string source, string description) =>
        Assert.Equal("Syntax Error: " + description, LexError(source).Message);

    [Fact]
    public void Invalid_utf8_is_an_error_pointing_at_the_byte()
    {
        byte[] bytes = [(byte)'{', (byte)' ', 0xC3, (byte)'}'];
        GraphQLSyntaxException error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(bytes));
        Assert.Equal(2, error.Position);
        Assert.Contains("invalid UTF-8 byte 0xC3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_inside_a_string_or_comment_is_an_error()
    {
        Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse([(byte)'{', (byte)'a', (byte)'(', (byte)'b', (byte)':', (byte)'"', 0xFF, (byte)'"', (byte)')', (byte)'}']));
        Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse([(byte)'#', 0xE2, 0x82, (byte)'\n', (byte)'{', (byte)'a', (byte)'}']));
    }
}
