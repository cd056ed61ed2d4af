using OrleansShop.GraphQL.Language;

namespace OrleansShop.GraphQL.Tests.Language;

/// <summary>Protective limits: size, tokens and nesting are refused early with a clear error.</summary>
public sealed class ParserLimitsTests
{
    [Fact]
    public void Defaults_are_one_mebibyte_one_hundred_thousand_tokens_and_depth_128()
    {
        Assert.Equal(1024 * 1024, ParserOptions.Default.MaxDocumentBytes);
        Assert.Equal(100_000, ParserOptions.Default.MaxTokens);
        Assert.Equal(128, ParserOptions.Default.MaxDepth);
    }

    [Fact]
    public void A_document_over_the_size_limit_is_refused_before_lexing()
    {
        var options = new ParserOptions { MaxDocumentBytes = 10 };
        GraphQLSyntaxException error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ aaaaaaaaaa }", options));
        Assert.Equal("Syntax Error: Document contains more than 10 bytes. Parsing aborted.", error.Message);

        // Counted in UTF-8 bytes: 4 characters of 3 bytes each.
        Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("#€€€€"u8, options));
        Parser.Parse("{ a }", options);
    }

    [Fact]
    public void A_document_with_more_tokens_than_allowed_is_refused_at_the_first_token_over()
    {
        var options = new ParserOptions { MaxTokens = 4 };
        Parser.Parse("{ a b }", options);
        GraphQLSyntaxException error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a b c }", options));
        Assert.Equal("Syntax Error: Document contains more than 4 tokens. Parsing aborted.", error.Message);
        Assert.Equal((1, 9), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("{ a { b { c { d } } } }")]
    [InlineData("{ a(x: [[[[1]]]]) }")]
    [InlineData("{ a(x: {a: {b: {c: {d: 1}}}}) }")]
    [InlineData("query ($v: [[[[Int]]]]) { a }")]
    public void Nesting_deeper_than_allowed_is_refused(string source)
    {
        var options = new ParserOptions { MaxDepth = 3 };
        GraphQLSyntaxException error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source, options));
        Assert.Equal("Syntax Error: Document is nested deeper than 3 levels. Parsing aborted.", error.Message);
    }

    [Fact]
    public void Deeply_nested_hostile_input_fails_cleanly_instead_of_overflowing_the_stack()
    {
        string lists = "{ a(x: " + new string('[', 100_000) + " }";
        GraphQLSyntaxException error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(lists));
        Assert.Contains("nested deeper than 128", error.Message, StringComparison.Ordinal);
        string selections = string.Concat(Enumerable.Repeat("{ a ", 200)) + string.Concat(Enumerable.Repeat("}", 200));
        Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(selections));
    }

    [Fact]
    public void Nesting_at_the_limit_is_accepted()
    {
        string source = string.Concat(Enumerable.Repeat("{ a ", 128)) + string.Concat(Enumerable.Repeat("}", 128));
        Parser.Parse(source);
    }
}
