using OrleansShop.GraphQL.Language;

namespace OrleansShop.GraphQL.Tests.Language;

/// <summary>Our parser and printer against graphql-js 17.1.0 (tests/js) on the whole corpus.</summary>
public sealed class GraphQLJsDifferentialTests
{
    [Fact]
    public void Printing_a_parsed_document_matches_graphql_js_print_for_every_valid_document()
    {
        List<string> documents = [.. Corpus.ValidFiles.Select(file => file.Source), .. Corpus.ValidSnippets];
        IReadOnlyList<GraphQLJsOracle.Result> expected = GraphQLJsOracle.PrintOrError(documents);

        var mismatches = new List<string>();
        for (int i = 0; i < documents.Count; i++)
        {
            Assert.True(expected[i].Ok, $"graphql-js rejects corpus document {i}: {expected[i].Message}");
            string actual;
            try
            {
                actual = Printer.Print(Parser.Parse(documents[i]));
            }
            catch (GraphQLSyntaxException exception)
            {
                mismatches.Add($"document {i} rejected: {exception.Message} ({exception.Line}:{exception.Column})\n{documents[i]}");
                continue;
            }

            if (actual != expected[i].Printed)
            {
                mismatches.Add($"document {i} printed differently\n--- graphql-js\n{expected[i].Printed}\n--- ours\n{actual}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n\n", mismatches));
    }

    [Fact]
    public void Parser_rejects_exactly_what_graphql_js_rejects_with_the_same_message_line_and_column()
    {
        IReadOnlyList<string> documents = Corpus.Invalid;
        IReadOnlyList<GraphQLJsOracle.Result> expected = GraphQLJsOracle.PrintOrError(documents);

        var mismatches = new List<string>();
        for (int i = 0; i < documents.Count; i++)
        {
            Assert.False(expected[i].Ok, $"graphql-js accepts invalid corpus document {i}: {documents[i]}");
            try
            {
                Parser.Parse(documents[i]);
                mismatches.Add($"document {i} accepted, graphql-js: {expected[i].Message}\n{documents[i]}");
            }
            catch (GraphQLSyntaxException exception)
            {
                string ours = $"{exception.Message} ({exception.Line}:{exception.Column})";
                string theirs = $"{expected[i].Message} ({expected[i].Line}:{expected[i].Column})";
                if (ours != theirs)
                {
                    mismatches.Add($"document {i}: {documents[i]}\n  graphql-js: {theirs}\n  ours:       {ours}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Theory]
    [InlineData("directive @d @e on FIELD")]
    [InlineData("extend directive @d @e")]
    public void Directives_on_directive_definitions_are_refused_as_in_the_specification_though_graphql_js_17_accepts_them(string document)
    {
        // graphql-js 17 parses these proposals; the September 2025 specification has no such grammar.
        IReadOnlyList<GraphQLJsOracle.Result> expected = GraphQLJsOracle.PrintOrError([document]);
        Assert.True(expected[0].Ok);
        Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(document));
    }
}
