using System.Text.Json;
using OrleansShop.GraphQL.Language;

namespace OrleansShop.GraphQL.Tests.Language;

/// <summary>
/// <see cref="Parser.ParseSchemaCoordinate"/> and <see cref="Printer"/> against graphql-js 17.1.0
/// <c>parseSchemaCoordinate</c> and <c>print</c> (tests/js/schema-coordinates.mjs): the same coordinates are accepted,
/// as the same kind and printed the same, and the rest are refused with the same message, line and column.
/// </summary>
public sealed class SchemaCoordinateDifferentialTests
{
    private static readonly string[] Coordinates =
    [
        // Accepted: every form, introspection and meta-field names, digits and underscores.
        "Business", "Business.name", "SearchFilter.OPEN_NOW", "Query.searchBusiness(criteria:)", "@private",
        "@private(scope:)", "__Type.fields(includeDeprecated:)", "Query.__typename", "_T1.f_2(a_3:)", "@deprecated(reason:)",

        // Grammar errors.
        "", "@", ".", "@@private", "Business.", "Business..name", "Query.field()", "@private()", "Query.field(arg)",
        "Query.field(arg", "Query.field(arg:", "@private(scope:", "Query.field(arg:a)", "Business(arg:)", "@private.scope",
        "Business.name.first", "Query.field(a:)(b:)", "Query.field(a:).b", "Business:", "Business@", "Business)",
        "Query...f",

        // Characters outside the coordinate grammar, ignored tokens included. (A lone surrogate is not here: System.Text.Json
        // writes it as U+FFFD. graphql-js reports "Invalid character: U+D800." at 1:2 for "A\uD800", as the parser tests expect.)
        " Business", "Business ", "Business. name", "Query.field(arg: )", "Business\t", "Business\n", "Business\r\n",
        "Business,", "Business#comment", "\uFEFFBusiness", "1Business", "Business.1name", "$var", "Business!",
        "\"Business\"", "Caf\u00E9", "A\U0001F600", "@a b", "Query { a }",
    ];

    private sealed record OracleResult(bool Ok, string? Kind, string? Printed, string? Message, int Line, int Column);

    [Fact]
    public void Parsing_printing_and_refusing_coordinates_match_graphql_js()
    {
        IReadOnlyList<OracleResult> expected = AskGraphQLJs(Coordinates);

        var mismatches = new List<string>();
        for (int i = 0; i < Coordinates.Length; i++)
        {
            string ours;
            try
            {
                SchemaCoordinateNode node = Parser.ParseSchemaCoordinate(Coordinates[i]);
                ours = $"ok {node.Kind} {Printer.Print(node)}";
            }
            catch (GraphQLSyntaxException exception)
            {
                ours = $"{exception.Message} ({exception.Line}:{exception.Column})";
            }

            OracleResult result = expected[i];
            string theirs = result.Ok ? $"ok {result.Kind} {result.Printed}" : $"{result.Message} ({result.Line}:{result.Column})";
            if (ours != theirs)
            {
                mismatches.Add($"{JsonSerializer.Serialize(Coordinates[i])}\n  graphql-js: {theirs}\n  ours:       {ours}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static List<OracleResult> AskGraphQLJs(IReadOnlyList<string> coordinates)
    {
        List<OracleResult> results = GraphQLJsOracle.RunScript<List<OracleResult>>("schema-coordinates.mjs", JsonSerializer.Serialize(coordinates));
        Assert.Equal(coordinates.Count, results.Count);
        return results;
    }
}
