using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;
using OrleansShop.GraphQL.Validation;

namespace OrleansShop.GraphQL.Tests.Conformance;

/// <summary>
/// The specification's own validation examples (Corpus/validation-specification.graphql, on its example schema) and
/// graphql-js's kitchen sink adapted to the shop schema (Corpus/validation-shop.graphql): graphql-js 17.1.0's <c>validate</c>
/// and ours must accept and reject the same documents with as many errors, at the same locations.
/// The pets-schema corpus of Validation/ is not repeated here.
/// </summary>
public sealed class ValidationConformanceTests
{
    private static readonly Lazy<GraphQLSchema> SpecificationSchema = new(() => SchemaBuilder.FromSdl(ConformanceCorpus.SpecificationSdl).Create());

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in ConformanceCorpus.Validations)
        {
            data.Add(new TheoryDataRow<string>(c.Name) { Skip = KnownEngineBugs.Reason(KnownEngineBugs.Validation, c.Name) });
        }

        return data;
    }

    [Fact]
    public void Corpus_has_uniquely_named_documents_for_both_schemas()
    {
        Assert.True(ConformanceCorpus.Validations.Count(c => c.Schema == "specification") >= 60);
        Assert.True(ConformanceCorpus.Validations.Count(c => c.Schema == "shop") >= 10);
        Assert.Equal(ConformanceCorpus.Validations.Count, ConformanceCorpus.Validations.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public void Corpus_holds_valid_and_invalid_documents_by_graphql_js()
    {
        var answers = GraphQLJsConformanceOracle.Get();
        Assert.All(answers.Validations, a => Assert.Null(a.ParseError));
        Assert.True(answers.Validations.Count(a => a.Errors.Count == 0) >= 20);
        Assert.True(answers.Validations.Count(a => a.Errors.Count > 0) >= 40);
    }

    [Fact]
    public void Cases_skipped_as_engine_bugs_exist_and_still_differ_from_graphql_js()
    {
        var stale = new List<string>();
        foreach (var name in KnownEngineBugs.Validation.Keys)
        {
            Assert.Contains(ConformanceCorpus.Validations, c => c.Name == name);
            var (expected, actual, _) = Run(name);
            if (expected.Errors.Count == actual.Count)
            {
                stale.Add(name);
            }
        }

        Assert.True(stale.Count == 0, "now agree with graphql-js, remove from KnownEngineBugs.Validation: " + string.Join(", ", stale));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Document_is_accepted_or_rejected_as_by_graphql_js_with_as_many_errors(string name)
    {
        var (expected, actual, c) = Run(name);
        Assert.True(
            expected.Errors.Count == actual.Count,
            $"{c.Document}\n--- graphql-js ({expected.Errors.Count})\n{Describe(expected)}\n--- ours ({actual.Count})\n{Describe(actual)}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Document_errors_point_at_the_same_locations_as_graphql_js(string name)
    {
        var (expected, actual, c) = Run(name);
        Assert.True(
            Locations(expected.Errors.Select(e => e.Locations.Select(l => (l.Line, l.Column)))).SequenceEqual(Locations(actual.Select(e => e.Locations.Select(l => (l.Line, l.Column))))),
            $"{c.Document}\n--- graphql-js\n{Describe(expected)}\n--- ours\n{Describe(actual)}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Document_errors_have_the_messages_of_graphql_js(string name)
    {
        var (expected, actual, c) = Run(name);
        var theirs = expected.Errors.Select(e => e.Message).Order(StringComparer.Ordinal);
        var ours = actual.Select(e => e.Message).Order(StringComparer.Ordinal);
        Assert.True(theirs.SequenceEqual(ours), $"{c.Document}\n--- graphql-js\n{Describe(expected)}\n--- ours\n{Describe(actual)}");
    }

    private static (GraphQLJsConformanceOracle.ValidationAnswer Expected, IReadOnlyList<GraphQLError> Actual, ConformanceCorpus.Case Case) Run(string name)
    {
        var answers = GraphQLJsConformanceOracle.Get();
        int index = ConformanceCorpus.Validations.ToList().FindIndex(c => c.Name == name);
        var c = ConformanceCorpus.Validations[index];
        var expected = answers.Validations[index];
        Assert.Null(expected.ParseError);
        var schema = c.Schema == "shop" ? ConformanceData.Schema : SpecificationSchema.Value;
        var actual = DocumentValidator.Validate(schema, Parser.Parse(c.Document), ValidationOptions.SpecificationOnly).Errors;
        return (expected, actual, c);
    }

    private static List<string> Locations(IEnumerable<IEnumerable<(int Line, int Column)>> errors) =>
        [.. errors.Select(locations => string.Join(" ", locations.Select(l => $"{l.Line}:{l.Column}"))).Order(StringComparer.Ordinal)];

    private static string Describe(GraphQLJsConformanceOracle.ValidationAnswer answer) =>
        string.Join("\n", answer.Errors.Select(e => e.Message + " @ " + string.Join(" ", e.Locations.Select(l => $"{l.Line}:{l.Column}"))));

    private static string Describe(IReadOnlyList<GraphQLError> errors) =>
        string.Join("\n", errors.Select(e => e.Message + " @ " + string.Join(" ", e.Locations.Select(l => $"{l.Line}:{l.Column}"))));
}
